import { normalizeGuid } from '../guid';

const CANONICAL = '0a1b2c3d-4e5f-6789-abcd-ef0123456789';

describe('c-presence-authorization', () => {
    describe('normalizeGuid', () => {
        it.each([
            ['the canonical form', CANONICAL],
            ['surrounding spaces and tabs', `  \t${CANONICAL} `],
            ['upper case', CANONICAL.toUpperCase()],
            ['braces', `{${CANONICAL}}`],
            ['braces with spaces inside and upper case', `{ ${CANONICAL.toUpperCase()} }`],
            ['32 bare digits', CANONICAL.replace(/-/g, '')]
        ])('accepts %s and returns the lower-case 8-4-4-4-12 form', (_what, input) => {
            expect(normalizeGuid(input)).toEqual({ ok: true, value: CANONICAL });
        });

        it.each([
            ['', 'empty', ''],
            ['   ', 'empty', ''],
            ['{}', 'empty', ''],
            [null, 'empty', ''],
            ['0a1b2c3d-4e5f-6789-abcd-ef012345678g', 'invalidCharacter', 'g'],
            ['0a1b2c3d_4e5f-6789-abcd-ef0123456789', 'invalidCharacter', '_'],
            ['0a1b2c3d 4e5f-6789-abcd-ef0123456789', 'invalidCharacter', ' '],
            ['0a1b2c3d-4e5f-6789-abcd-ef012345678', 'wrongLength', '31'],
            ['0a1b2c3d-4e5f-6789-abcd-ef01234567890', 'wrongLength', '33'],
            ['0a1b2c3d4-e5f-6789-abcd-ef0123456789', 'wrongGrouping', ''],
            ['0a1b2c3d-4e5f6789-abcd-ef01-23456789', 'wrongGrouping', '']
        ])('rejects %p as %s (%p)', (input, problem, detail) => {
            expect(normalizeGuid(input)).toEqual({ ok: false, problem, detail });
        });
    });
});
