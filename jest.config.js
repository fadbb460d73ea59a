const path = require('node:path');
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

const CORE = '<rootDir>/force-app/main/default/lwc/presenceSyncCore/';

module.exports = {
    projects: [
        {
            // Lightning web components and LWC service modules (jsdom, sfdx-lwc-jest resolver and stubs).
            ...jestConfig,
            displayName: 'lwc',
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
