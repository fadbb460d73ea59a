/* Small raw configurations for the core's specs (not a suite: jest only runs *.test.ts). */
import { parseConfiguration } from '../configuration';
import type { Configuration, RawConfigurationRecord, RawLabelRecord } from '../types';

type Flags = 'sf' | 'teams' | 'both';

/** One raw row: `teams` is 'Availability/Activity' or null. */
export function label(
    status: string | null,
    teams: string | null,
    flags: Flags,
    writeKind: string | null = null,
    reasonCode: string | null = null
): RawLabelRecord {
    const [availability, activity] = teams ? teams.split('/') : [null, null];
    return {
        Name: `${status ?? 'no change'} ${teams ?? ''}`.trim(),
        SalesforceStatus__c: status,
        FromSalesforce__c: flags !== 'teams',
        FromTeams__c: flags !== 'sf',
        TeamsAvailability__c: availability,
        TeamsActivity__c: activity,
        TeamsWriteKind__c: writeKind,
        PhoneReasonCode__c: reasonCode
    };
}

export function raw(rows: RawLabelRecord[], fields: RawConfigurationRecord = {}): RawConfigurationRecord {
    return { Name: 'Test configuration', ...fields, PresenceStateLabels__r: { records: rows } };
}

/** A sound bidirectional mapping of every delivered status (the rows validation starts from). */
export function soundRows(): RawLabelRecord[] {
    return [
        label('Available', 'Available/Available', 'both', 'Session', 'R-AV'),
        label('On_a_Call', 'Busy/InACall', 'both', 'Session', 'R-CALL'),
        label('Busy', 'Busy/Busy', 'both', 'Preferred'),
        label('Away', 'Away/Away', 'both', 'Preferred'),
        label('Be_Right_Back', 'BeRightBack/BeRightBack', 'both', 'Preferred'),
        label('Do_Not_Disturb', 'DoNotDisturb/DoNotDisturb', 'both', 'Preferred'),
        label('Offline', null, 'sf', 'Clear', 'R-OFF')
    ];
}

/** Parses or fails the test with the errors. */
export function parsed(record: unknown): Configuration {
    const result = parseConfiguration(record);
    if (!result.ok) throw new Error(`fixture does not parse: ${JSON.stringify(result.errors)}`);
    return result.configuration;
}
