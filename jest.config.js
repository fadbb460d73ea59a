const os = require('node:os');
const path = require('node:path');
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

const CORE = '<rootDir>/force-app/main/default/lwc/presenceSyncCore/';

// @lwc/jest-transformer's cache key ignores whether Jest asked for coverage instrumentation, so a file
// first transformed by a run without --coverage is served uninstrumented from the cache later and reports
// 0 % (which breaks the core's 100 % gate at random). Runs with and without coverage keep separate caches.
const WITH_COVERAGE = process.argv.some((arg) => arg === '--coverage' || arg.startsWith('--coverage='));
const cacheDirectory = path.join(os.tmpdir(), `jest-presence-sync-${WITH_COVERAGE ? 'coverage' : 'plain'}`);

module.exports = {
    // A hang guard, not a speed assertion: Jest's default of 5 s failed heavy tests (a build, axe over a
    // table) on a busy two-core CI machine. Speed lives in `npm run bench`.
    testTimeout: 60_000,
    projects: [
        {
            // Lightning web components and LWC service modules (jsdom, sfdx-lwc-jest resolver and stubs).
            ...jestConfig,
            displayName: 'lwc',
            cacheDirectory,
            // platform modules sfdx-lwc-jest has no stub for
            moduleNameMapper: {
                '^lightning/platformUtilityBarApi$':
                    '<rootDir>/force-app/test/jest-mocks/lightning/platformUtilityBarApi'
            },
            // toBeAccessible() (sa11y) in every component test
            setupFilesAfterEnv: [
                ...jestConfig.setupFilesAfterEnv,
                '<rootDir>/force-app/test/jest-sa11y-setup.ts'
            ],
            testMatch: [
                '<rootDir>/force-app/**/__tests__/**/*.test.ts',
                '<rootDir>/bridge/**/__tests__/**/*.test.ts'
            ]
            // Note: overriding testPathIgnorePatterns here silently switches off coverage instrumentation
            // of this project (seen with jest 29.7 + @lwc/jest-transformer); testMatch already keeps dist/ out.
        },
        {
            // Node-side code: build and check scripts, the local harness and its emulators.
            displayName: 'node',
            cacheDirectory,
            rootDir: __dirname,
            testEnvironment: 'node',
            testMatch: [
                '<rootDir>/scripts/**/__tests__/**/*.test.ts',
                '<rootDir>/harness/**/__tests__/**/*.test.ts'
            ],
            moduleFileExtensions: ['ts', 'js', 'json'],
            transform: {
                '^.+\\.ts$': [
                    'babel-jest',
                    {
                        babelrc: false,
                        configFile: false,
                        presets: [require.resolve('@babel/preset-typescript')],
                        plugins: [require.resolve('@babel/plugin-transform-modules-commonjs')]
                    }
                ]
            }
        }
    ],
    collectCoverageFrom: [
        'force-app/**/lwc/**/*.ts',
        '!force-app/**/lwc/**/__tests__/**',
        'scripts/**/*.ts',
        '!scripts/**/__tests__/**'
    ],
    coverageReporters: ['text-summary', 'lcov', 'json-summary'],
    coverageDirectory: path.join(__dirname, 'coverage'),
    coverageThreshold: {
        [CORE.replace('<rootDir>', '.')]: { lines: 100, branches: 100, functions: 100, statements: 100 }
    }
};
