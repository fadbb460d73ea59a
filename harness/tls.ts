/**
 * A local certificate authority and one leaf certificate for all harness hosts, generated at start.
 * Keys come from node:crypto (fast, native); node-forge builds and signs the X.509 certificates.
 */
import { createHash, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';

export interface HarnessCertificates {
    /** Directory holding ca.pem, cert.pem, key.pem. */
    dir: string;
    caPath: string;
    caPem: string;
    certPath: string;
    certPem: string;
    keyPath: string;
    keyPem: string;
    /** base64 SHA-256 of the leaf's SubjectPublicKeyInfo, for `--ignore-certificate-errors-spki-list`. */
    spki: string;
    /** The same hash for the CA key. */
    caSpki: string;
}

function rsaKeyPair(): { privateKeyPem: string; publicKeyPem: string } {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', {
        modulusLength: 2048,
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
        publicKeyEncoding: { type: 'spki', format: 'pem' }
    });
    return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

/** base64(SHA-256(SubjectPublicKeyInfo DER)): what Chromium's SPKI allow-list expects. */
export function spkiHash(publicKeyPem: string): string {
    const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
    return createHash('sha256').update(der).digest('base64');
}

function serial(): string {
    // Positive, 16 bytes.
    const bytes = randomBytes(16);
    bytes[0] = (bytes[0] as number) & 0x7f;
    return bytes.toString('hex');
}

export function generateCertificates(hostnames: readonly string[], dir?: string): HarnessCertificates {
    const outDir = dir ?? mkdtempSync(join(tmpdir(), 'presence-harness-tls-'));
    mkdirSync(outDir, { recursive: true });
    const now = new Date();
    const notBefore = new Date(now.getTime() - 60 * 60 * 1000);
    const notAfter = new Date(now.getTime() + 30 * 24 * 60 * 60 * 1000);

    const caKeys = rsaKeyPair();
    const caKey = forge.pki.privateKeyFromPem(caKeys.privateKeyPem);
    const caCert = forge.pki.createCertificate();
    caCert.publicKey = forge.pki.publicKeyFromPem(caKeys.publicKeyPem);
    caCert.serialNumber = serial();
    caCert.validity.notBefore = notBefore;
    caCert.validity.notAfter = notAfter;
    const caSubject = [
        { name: 'commonName', value: 'Presence Sync Harness Local CA' },
        { name: 'organizationName', value: 'teams-presence-sync harness' }
    ];
    caCert.setSubject(caSubject);
    caCert.setIssuer(caSubject);
    caCert.setExtensions([
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
        { name: 'subjectKeyIdentifier' }
    ]);
    caCert.sign(caKey, forge.md.sha256.create());

    const leafKeys = rsaKeyPair();
    const leaf = forge.pki.createCertificate();
    leaf.publicKey = forge.pki.publicKeyFromPem(leafKeys.publicKeyPem);
    leaf.serialNumber = serial();
    leaf.validity.notBefore = notBefore;
    leaf.validity.notAfter = notAfter;
    leaf.setSubject([{ name: 'commonName', value: hostnames[0] ?? 'localhost' }]);
    leaf.setIssuer(caSubject);
    leaf.setExtensions([
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
            name: 'subjectAltName',
            altNames: [
                ...hostnames.map((value) => ({ type: 2, value })),
                { type: 2, value: 'localhost' },
                { type: 7, ip: '127.0.0.1' }
            ]
        },
        { name: 'subjectKeyIdentifier' },
        { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() }
    ]);
    leaf.sign(caKey, forge.md.sha256.create());

    const caPem = forge.pki.certificateToPem(caCert);
    const certPem = forge.pki.certificateToPem(leaf);
    const keyPem = leafKeys.privateKeyPem;
    const caPath = join(outDir, 'ca.pem');
    const certPath = join(outDir, 'cert.pem');
    const keyPath = join(outDir, 'key.pem');
    writeFileSync(caPath, caPem);
    writeFileSync(certPath, certPem);
    writeFileSync(keyPath, keyPem, { mode: 0o600 });
    return {
        dir: outDir,
        caPath,
        caPem,
        certPath,
        certPem,
        keyPath,
        keyPem,
        spki: spkiHash(leafKeys.publicKeyPem),
        caSpki: spkiHash(caKeys.publicKeyPem)
    };
}
