const lwcConfig = require('@salesforce/eslint-config-lwc');
const jestPlugin = require('eslint-plugin-jest');
const tseslint = require('typescript-eslint');
const globals = require('globals');
const lockerPlugin = require('@locker/eslint-plugin-locker');

const LWC = 'force-app/**/lwc/**/*.ts';
const CORE = 'force-app/main/default/lwc/presenceSyncCore/*.ts';

module.exports = [
    {
        ignores: [
            'node_modules/**',
            'dist/**',
            'coverage/**',
            '.sf/**',
            '.sfdx/**',
            'force-app/**/lwc/**/*.js',
            'force-app/main/default/staticresources/**',
            'force-app/main/default/aura/**',
            // SFDX fixture trees the scripts' tests copy and break on purpose
            'scripts/__tests__/fixtures/**'
        ]
    },
    // LWC sources (TypeScript), with the Salesforce LWC rules.
    ...lwcConfig.configs.recommendedTs.map((c) => ({ ...c, files: [LWC] })),
    // Core scope rules misread TS type-only names under @babel/eslint-parser; tsc checks these.
    { files: [LWC], rules: { 'no-undef': 'off', 'no-unused-vars': 'off' } },
    // Lightning Web Security: the components run in LWS's sandbox (the harness too, harness/lwc/lws.ts).
    // Every rule of Salesforce's LWS plugin is an error: each one names an API that LWS blocks or
    // distorts. A use that the distortion leaves intact is kept with an inline disable and its reason.
    // (@locker/eslint-config-locker's `base` and `recommended` hold a subset of these rules, in the
    // legacy eslintrc format, and `recommended` only warns.)
    {
        files: [LWC],
        ignores: ['force-app/**/lwc/**/__tests__/**'],
        plugins: { '@locker/locker': lockerPlugin },
        rules: Object.fromEntries(
            Object.keys(lockerPlugin.rules).map((rule) => [`@locker/locker/${rule}`, 'error'])
        )
    },
    // The pure core: no clock, no randomness, no timers, no platform (docs/architecture.md, "Components").
    {
        files: [CORE],
        rules: {
            'no-restricted-globals': [
                'error',
                ...[
                    'Date',
                    'window',
                    'document',
                    'navigator',
                    'fetch',
                    'performance',
                    'crypto',
                    'localStorage',
                    'sessionStorage'
                ].map((name) => ({
                    name,
                    message: `The core is pure: ${name} is not allowed here; pass it in as data.`
                })),
                ...[
                    'setTimeout',
                    'setInterval',
                    'clearTimeout',
                    'clearInterval',
                    'queueMicrotask',
                    'requestAnimationFrame'
                ].map((name) => ({
                    name,
                    message: `The core is pure: ${name} is not allowed; emit a timer command instead.`
                }))
            ],
            'no-restricted-properties': [
                'error',
                {
                    object: 'Math',
                    property: 'random',
                    message: 'The core is pure: take randomness from the event.'
                }
            ],
            'no-restricted-imports': [
                'error',
                {
                    patterns: [
                        {
                            regex: '^(lwc|lightning/|@salesforce/|c/)',
                            message: 'The core imports nothing outside its own folder.'
                        }
                    ]
                }
            ]
        }
    },
    // LWC tests.
    {
        files: ['force-app/**/lwc/**/__tests__/**/*.ts'],
        plugins: { jest: jestPlugin },
        languageOptions: { globals: { ...jestPlugin.environments.globals.globals, ...globals.node } },
        rules: {
            ...jestPlugin.configs.recommended.rules,
            '@lwc/lwc/no-async-operation': 'off',
            '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off',
            'no-restricted-globals': 'off',
            'no-restricted-properties': 'off',
            'no-restricted-imports': 'off'
        }
    },
    // Node scripts and the local harness (TypeScript, not LWC).
    ...tseslint.configs.recommended.map((c) => ({ ...c, files: ['scripts/**/*.ts', 'harness/**/*.ts'] })),
    {
        files: ['scripts/**/*.ts', 'harness/**/*.ts'],
        languageOptions: { globals: { ...globals.node } }
    },
    {
        files: ['scripts/**/__tests__/**/*.ts', 'harness/**/__tests__/**/*.ts'],
        plugins: { jest: jestPlugin },
        languageOptions: { globals: { ...jestPlugin.environments.globals.globals } },
        rules: { ...jestPlugin.configs.recommended.rules }
    },
    // Browser tests: a Node runner (e2e/*.ts) and the host page bundled for the browser (e2e/host/).
    ...tseslint.configs.recommended.map((c) => ({ ...c, files: ['e2e/**/*.ts'] })),
    {
        files: ['e2e/**/*.ts'],
        languageOptions: { globals: { ...globals.node, ...globals.browser } }
    },
    // The Teams bridge page (TypeScript bundled by esbuild; runs in the Visualforce origin, not under LWS).
    ...tseslint.configs.recommended.map((c) => ({ ...c, files: ['bridge/**/*.ts'] })),
    {
        files: ['bridge/**/*.ts'],
        languageOptions: { globals: { ...globals.browser } }
    },
    {
        files: ['bridge/**/__tests__/**/*.ts'],
        plugins: { jest: jestPlugin },
        languageOptions: { globals: { ...jestPlugin.environments.globals.globals, ...globals.node } },
        rules: { ...jestPlugin.configs.recommended.rules }
    },
    {
        files: ['*.js', 'scripts/**/*.{js,mjs,cjs}'],
        languageOptions: { globals: { ...globals.node }, sourceType: 'commonjs' }
    }
];
