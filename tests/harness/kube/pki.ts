import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Files (paths) of the throwaway PKI a test cluster runs with. */
export interface KubePki {
  caCert: string;
  /** PEM text of the CA certificate, for clients that must trust the API server. */
  caPem: string;
  serverCert: string;
  serverKey: string;
  /** Private key that signs service-account tokens. */
  serviceAccountKey: string;
  /** Its public key, which verifies them. */
  serviceAccountPublicKey: string;
}

/** Thrown when openssl is missing or refuses a command; `cause` carries its output. */
export class KubePkiError extends Error {
  override readonly name = 'KubePkiError';
}

/** Names and addresses the serving certificate is valid for. */
export interface ServingIdentity {
  /** e.g. 127.0.0.1 */
  ips: string[];
  dnsNames: string[];
}

const caConfig = `[req]
distinguished_name = dn
prompt = no
x509_extensions = ext
[dn]
CN = gso-real-kube-ca
[ext]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
`;

function servingConfig(identity: ServingIdentity): string {
  const names = [...identity.ips.map((ip) => `IP:${ip}`), ...identity.dnsNames.map((dns) => `DNS:${dns}`)];
  return `[req]
distinguished_name = dn
prompt = no
[dn]
CN = kube-apiserver
[ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = ${names.join(',')}
authorityKeyIdentifier = keyid
`;
}

/**
 * Generates, with openssl, a CA, a serving certificate it signs, and an RSA key pair for service-account
 * tokens, all into `dir`. EC P-256 keys for TLS keep generation fast; certificates last 30 days, far longer
 * than any test cluster.
 */
export async function generateKubePki(
  dir: string,
  identity: ServingIdentity,
  openssl: string = process.env.OPENSSL ?? 'openssl',
): Promise<KubePki> {
  const path = (name: string) => join(dir, name);
  const openssl$ = async (...args: string[]) => {
    try {
      await run(openssl, args, { cwd: dir });
    } catch (error) {
      const detail = (error as { stderr?: string }).stderr?.trim() ?? '';
      throw new KubePkiError(`openssl ${args[0]} failed${detail ? `: ${detail}` : ''}`, { cause: error });
    }
  };
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  writeFileSync(path('ca.cnf'), caConfig);
  writeFileSync(path('apiserver.cnf'), servingConfig(identity));

  await openssl$(
    'req',
    '-x509',
    ...ecKey,
    '-keyout',
    path('ca.key'),
    '-out',
    path('ca.crt'),
    '-days',
    '30',
    '-config',
    path('ca.cnf'),
  );
  await openssl$(
    'req',
    '-new',
    ...ecKey,
    '-keyout',
    path('apiserver.key'),
    '-out',
    path('apiserver.csr'),
    '-config',
    path('apiserver.cnf'),
  );
  await openssl$(
    'x509',
    '-req',
    '-in',
    path('apiserver.csr'),
    '-CA',
    path('ca.crt'),
    '-CAkey',
    path('ca.key'),
    '-set_serial',
    `0x${randomBytes(16).toString('hex')}`,
    '-days',
    '30',
    '-extfile',
    path('apiserver.cnf'),
    '-extensions',
    'ext',
    '-out',
    path('apiserver.crt'),
  );
  await openssl$('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', path('sa.key'));
  await openssl$('pkey', '-in', path('sa.key'), '-pubout', '-out', path('sa.pub'));

  return {
    caCert: path('ca.crt'),
    caPem: readFileSync(path('ca.crt'), 'utf8'),
    serverCert: path('apiserver.crt'),
    serverKey: path('apiserver.key'),
    serviceAccountKey: path('sa.key'),
    serviceAccountPublicKey: path('sa.pub'),
  };
}
