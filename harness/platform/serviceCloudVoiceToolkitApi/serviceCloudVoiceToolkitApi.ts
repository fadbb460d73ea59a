/**
 * `lightning-service-cloud-voice-toolkit-api` for the harness. In an org the element fires Salesforce
 * Voice call events (callstarted, callconnected, callended, wrapupended, ...) and renders nothing; the
 * harness has no Salesforce Voice, so it only renders nothing. Calls in the harness come from the
 * softphone panel over the PresenceSync__c message channel.
 */
import { LightningElement } from 'lwc';

export default class ServiceCloudVoiceToolkitApi extends LightningElement {}
