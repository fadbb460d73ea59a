/**
 * The emulated Entra directory: people who can sign in at the identity provider and whose presence
 * the Graph emulator knows. Shared by both stand-ins, configurable per harness.
 */

export interface DirectoryUser {
    /** Entra object id (GUID): `oid` in tokens, the id Graph presence uses. */
    id: string;
    /** The sign-in name (`preferred_username` in tokens). */
    userPrincipalName: string;
    /** The mail address; may differ from the UPN. */
    mail: string;
    displayName: string;
    password: string;
    /** false: the user has not consented to the app yet (interactive consent page, AADSTS65001 silently). */
    consentGranted: boolean;
    /** false: Graph reports PresenceUnknown (no Teams). */
    teamsEnabled: boolean;
}

export type DirectoryUserInput = Pick<DirectoryUser, 'id' | 'userPrincipalName' | 'displayName'> &
    Partial<DirectoryUser>;

export const DEFAULT_PASSWORD = 'Passw0rd!';

export const DEFAULT_USERS: readonly DirectoryUserInput[] = [
    {
        id: '8f2c4e1a-6b3d-4c5e-9a7f-1d2e3f4a5b6c',
        userPrincipalName: 'ada.agent@acme.example',
        displayName: 'Ada Agent'
    },
    {
        id: '3b9d7c2e-1f4a-4e6b-8c5d-2a3b4c5d6e7f',
        userPrincipalName: 'ben.agent@acme.example',
        displayName: 'Ben Agent'
    },
    {
        id: '5e1a9b3c-7d2f-4a8e-b6c4-3f4a5b6c7d8e',
        userPrincipalName: 'sue.supervisor@acme.example',
        displayName: 'Sue Supervisor'
    },
    {
        // UPN differs from the mail address: the email/account mismatch scenario.
        id: '9c4b2a1d-3e5f-4b7a-a9c8-4e5f6a7b8c9d',
        userPrincipalName: 'mmueller@acme.onmicrosoft.example',
        mail: 'mia.mueller@acme.example',
        displayName: 'Mia Müller'
    },
    {
        // Has not consented to the app yet.
        id: '2d6e8f0a-4b1c-4d3e-8f5a-5b6c7d8e9f0a',
        userPrincipalName: 'nico.newcomer@acme.example',
        displayName: 'Nico Newcomer',
        consentGranted: false
    }
];

function normalise(input: DirectoryUserInput): DirectoryUser {
    return {
        mail: input.userPrincipalName,
        password: DEFAULT_PASSWORD,
        consentGranted: true,
        teamsEnabled: true,
        ...input,
        id: input.id.toLowerCase()
    };
}

export class Directory {
    private readonly byId = new Map<string, DirectoryUser>();
    private readonly byName = new Map<string, DirectoryUser>();

    constructor(users: readonly DirectoryUserInput[] = DEFAULT_USERS) {
        users.forEach((u) => this.add(u));
    }

    add(input: DirectoryUserInput): DirectoryUser {
        const user = normalise(input);
        if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(user.id)) {
            throw new Error(`user ${user.userPrincipalName}: id must be a GUID, got ${input.id}`);
        }
        const existing = this.byId.get(user.id);
        if (existing) {
            this.byName.delete(existing.userPrincipalName.toLowerCase());
            this.byName.delete(existing.mail.toLowerCase());
        }
        this.byId.set(user.id, user);
        this.byName.set(user.mail.toLowerCase(), user);
        this.byName.set(user.userPrincipalName.toLowerCase(), user);
        return user;
    }

    /** By object id, UPN or mail address (case-insensitive). */
    find(idOrName: string): DirectoryUser | undefined {
        const k = idOrName.toLowerCase();
        return this.byId.get(k) ?? this.byName.get(k);
    }

    get(idOrName: string): DirectoryUser {
        const user = this.find(idOrName);
        if (!user) {
            throw new Error(`no such user: ${idOrName}`);
        }
        return user;
    }

    all(): DirectoryUser[] {
        return [...this.byId.values()];
    }

    get size(): number {
        return this.byId.size;
    }
}

/** Deterministic pseudo-random numbers (mulberry32) so a population is the same for a given seed. */
export function seededRandom(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** A version-4-shaped GUID from a random source. */
export function guid(random: () => number): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
    hex[12] = '4';
    hex[16] = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const FIRST = ['Alex', 'Kim', 'Noor', 'Jo', 'Lena', 'Omar', 'Priya', 'Tom', 'Yuki', 'Zoe', 'Ravi', 'Eva'];
const LAST = ['Berg', 'Costa', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Hansen', 'Ito', 'Jensen', 'Khan'];

export const MAX_POPULATION = 5000;

/** N agents (1..5,000) with stable object ids, UPNs and names for a seed. */
export function generatePopulation(count: number, seed = 1, domain = 'acme.example'): DirectoryUserInput[] {
    if (!Number.isInteger(count) || count < 1 || count > MAX_POPULATION) {
        throw new RangeError(`population size must be an integer from 1 to ${MAX_POPULATION}, got ${count}`);
    }
    const random = seededRandom(seed);
    return Array.from({ length: count }, (_, i) => {
        const first = FIRST[Math.floor(random() * FIRST.length)] as string;
        const last = LAST[Math.floor(random() * LAST.length)] as string;
        const n = String(i + 1).padStart(4, '0');
        return {
            id: guid(random),
            userPrincipalName: `agent${n}@${domain}`,
            displayName: `${first} ${last} (${n})`
        };
    });
}
