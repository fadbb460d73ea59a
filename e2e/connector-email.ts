/**
 * Browser scenario of the connector's Email tab as an agent uses it with a real mouse: the Save click
 * must land even when the address is wrong (nothing may move the button between mouse-down and
 * mouse-up), and one click saves the corrected address.
 */
import assert from 'node:assert/strict';
import { openConsole } from './console';
import type { Scenario } from './scenarios';

export const connectorEmailScenarios: Scenario[] = [
    {
        name: 'connector email: one click on Save always lands, for a wrong and then a corrected address',
        async run({ env }) {
            const { page, close, errors } = await openConsole(env, '');
            try {
                const connector = page.locator('c-cti-data-connector');
                await connector.locator('.gear button').click();
                const input = connector.locator('lightning-input.email input');
                const save = connector.locator('lightning-button.save button');
                // typed, focus still in the field: the Save click blurs it first, as a user's does
                await input.fill('ada.agent@');
                await save.click();
                const error = connector.locator('.email-error');
                await error.waitFor();
                assert.equal(
                    (await error.textContent())?.trim(),
                    'Enter a valid email address, like name@example.com.'
                );
                // one message about the address, not the field's own second one
                const fieldMessage = connector.locator('lightning-input.email [data-help-message]');
                const second =
                    (await fieldMessage.count()) > 0 ? (await fieldMessage.textContent())?.trim() : '';
                assert.equal(second, '', 'the field shows a second message of its own');
                await input.fill('ada.agent@acme.example');
                await save.click();
                await connector.locator('.email-saved').waitFor();
                assert.equal(await error.count(), 0);
                assert.deepEqual(errors, []);
            } finally {
                await close();
            }
        }
    }
];
