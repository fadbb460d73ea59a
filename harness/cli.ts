/**
 * Runs the harness on its own: `npx tsx harness/cli.ts [--port N] [--json]`.
 * --json prints one line of JSON ({"ready":true, urls, caPath, spki, ...}) for programs.
 */
import { DEFAULT_CLIENT_ID, HOSTS, start } from './server';

async function main(): Promise<void> {
    const args = process.argv.slice(2);
    const portArg = args.indexOf('--port');
    const port = portArg >= 0 ? Number(args[portArg + 1]) : undefined;
    const json = args.includes('--json');
    const harness = await start(port === undefined ? {} : { port });
    const info = {
        ready: true,
        port: harness.port,
        urls: harness.urls,
        tenantId: harness.tenantId,
        clientId: harness.clientId,
        supervisorClientId: harness.supervisorClientId,
        caPath: harness.caPath,
        spki: harness.spki,
        chromiumArgs: harness.chromiumArgs
    };
    if (json) {
        process.stdout.write(`${JSON.stringify(info)}\n`);
    } else {
        const users = harness.directory.all();
        process.stdout.write(
            [
                'Presence sync harness is running:',
                `  Lightning     ${harness.urls.lightning}`,
                `  Visualforce   ${harness.urls.visualforce}`,
                `  Identity      ${harness.urls.authority}  (issuer ${harness.urls.issuer})`,
                `  Graph         ${harness.urls.graphApi}`,
                `  Control API   ${harness.urls.control}`,
                '',
                `Tenant id ${harness.tenantId}; client id ${DEFAULT_CLIENT_ID} (supervisors' own app: ${harness.supervisorClientId}); redirect URI ${harness.urls.visualforce}/apex/TeamsBridge`,
                `Users (password ${users[0]?.password ?? ''}): ${users.map((u) => u.userPrincipalName).join(', ')}`,
                '',
                'Trust the certificate:',
                `  CA file: ${harness.caPath}   (Node: NODE_EXTRA_CA_CERTS=${harness.caPath}; curl --cacert)`,
                `  Chromium: ${harness.chromiumArgs.map((a) => `'${a}'`).join(' ')}`,
                `  curl: curl --cacert ${harness.caPath} --resolve ${HOSTS.graph}:${harness.port}:127.0.0.1 ${harness.urls.control}/clock`,
                '',
                'Ctrl+C stops it.',
                ''
            ].join('\n')
        );
    }
    const stop = () => {
        void harness.stop().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
});
