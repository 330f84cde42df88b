/**
 * The pieces of the real APIM harness that work without the Management API itself: our gravitee.yml
 * template, the home layout check, the reading of Maven's resolution errors and the JDK choice.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { ASSEMBLED_MARKER, apimVersion, isAssembled, missingFromHome } from '../harness/apim/apim-home.ts';
import { unresolvedCoordinates } from '../harness/apim/assemble-apim.ts';
import {
  GraviteeTemplateError,
  type GraviteeYmlValues,
  renderGraviteeYml,
} from '../harness/apim/gravitee-yml.ts';
import { findJavaHome, JavaHomeError, MINIMUM_JAVA_MAJOR } from '../harness/apim/java-home.ts';

const VALUES: GraviteeYmlValues = {
  httpPort: 41234,
  baseUrl: 'http://127.0.0.1:41234',
  pluginsDir: '/opt/apim home/plugins',
  pluginsWorkDir: '/tmp/run/plugins-work',
  jdbcUrl: 'jdbc:postgresql://127.0.0.1:45678/gravitee',
  jdbcUser: 'gravitee',
  jdbcPassword: 'p: "quoted"',
  searchDataDir: '/tmp/run/search-data',
  templatesDir: '/opt/apim home/templates',
  adminUser: 'admin',
  adminPassword: 'admin',
  jwtSecret: 'a'.repeat(64),
  encryptionSecret: 'b'.repeat(32),
};

/** The value at a dotted path (`a.b.0.c`) of a parsed YAML document. */
function at(tree: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        node === null || typeof node !== 'object' ? undefined : (node as Record<string, unknown>)[key],
      tree,
    );
}

describe('our gravitee.yml template', () => {
  it('configures the JDBC repository on the harness database, no analytics and a loopback server', () => {
    // Act
    const config = parse(renderGraviteeYml(VALUES));

    // Assess
    assert.equal(at(config, 'repositories.management.type'), 'jdbc');
    assert.equal(at(config, 'repositories.management.jdbc.url'), VALUES.jdbcUrl);
    assert.equal(at(config, 'repositories.management.jdbc.username'), VALUES.jdbcUser);
    assert.equal(at(config, 'repositories.management.jdbc.password'), VALUES.jdbcPassword);
    assert.equal(at(config, 'repositories.analytics.type'), 'none');
    assert.deepEqual(at(config, 'jetty'), { host: '127.0.0.1', port: 41234, accesslog: { enabled: false } });
    assert.deepEqual(at(config, 'plugins'), { path: [VALUES.pluginsDir], workDir: VALUES.pluginsWorkDir });
    assert.equal(at(config, 'search.data'), VALUES.searchDataDir);
    assert.equal(at(config, 'installation.api.url'), VALUES.baseUrl);
  });

  it('declares the in-memory admin the way the memory identity provider reads users', () => {
    // Act
    const config = parse(renderGraviteeYml(VALUES));

    // Assess: the provider walks users[i] while `users[i].user` exists and is empty.
    assert.equal(at(config, 'security.providers.0.type'), 'memory');
    assert.equal(at(config, 'security.providers.0.password-encoding-algo'), 'none');
    assert.deepEqual(at(config, 'security.providers.0.users'), [
      { user: null, username: 'admin', password: 'admin', roles: 'ORGANIZATION:ADMIN,ENVIRONMENT:ADMIN' },
    ]);
  });

  it('switches off mail, notifiers and the services a test does not use', () => {
    // Act
    const config = parse(renderGraviteeYml(VALUES));

    // Assess
    assert.equal(at(config, 'email.enabled'), false);
    assert.equal(at(config, 'notifiers.email.enabled'), false);
    assert.equal(at(config, 'notifiers.webhook.enabled'), false);
    assert.equal(at(config, 'services.core.http.enabled'), false);
    assert.equal(at(config, 'cockpit.enabled'), false);
    assert.equal(at(config, 'http.api.portal.enabled'), false);
    assert.equal(at(config, 'http.api.automation.enabled'), true);
  });

  it('refuses a placeholder without a value and a value without a placeholder', () => {
    // Act + Assess
    assert.throws(
      () => renderGraviteeYml(VALUES, 'port: {{httpPort}}\nother: {{nowhere}}\n'),
      GraviteeTemplateError,
    );
    assert.throws(
      () => renderGraviteeYml(VALUES, 'port: {{httpPort}}\n'),
      /values without a placeholder: baseUrl/,
    );
  });
});

describe('the Management API home layout', () => {
  let home: string;
  const files = [
    `lib/gravitee-apim-rest-api-standalone-bootstrap-${apimVersion()}.jar`,
    `lib/gravitee-apim-rest-api-standalone-container-${apimVersion()}.jar`,
    'lib/ext/jackson-databind-2.19.0.jar',
    `plugins/gravitee-apim-repository-jdbc-${apimVersion()}.zip`,
    `plugins/gravitee-apim-rest-api-idp-memory-${apimVersion()}.zip`,
    `plugins/gravitee-apim-plugin-entrypoint-http-proxy-${apimVersion()}.zip`,
    `plugins/gravitee-apim-plugin-endpoint-http-proxy-${apimVersion()}.zip`,
    'plugins/ext/repository-jdbc/postgresql-42.7.11.jar',
    'config/logback.xml',
  ];
  const put = (path: string) => {
    mkdirSync(join(home, path, '..'), { recursive: true });
    writeFileSync(join(home, path), '');
  };

  before(() => {
    home = mkdtempSync(join(tmpdir(), 'gso-apim-layout-'));
  });
  after(() => rmSync(home, { recursive: true, force: true }));

  it('is complete with every piece the bootstrap and our configuration need, and the marker', () => {
    // Prepare
    for (const file of files) put(file);

    // Act
    const missing = missingFromHome(home);
    const assembledWithoutMarker = isAssembled(home);
    put(ASSEMBLED_MARKER);

    // Assess
    assert.deepEqual(missing, []);
    assert.equal(assembledWithoutMarker, false);
    assert.equal(isAssembled(home), true);
  });

  it('names the PostgreSQL driver when the JDBC plugin has none', () => {
    // Prepare
    rmSync(join(home, 'plugins/ext/repository-jdbc/postgresql-42.7.11.jar'));

    // Act
    const missing = missingFromHome(home);

    // Assess
    assert.equal(missing.length, 1);
    assert.match(missing[0] ?? '', /plugins\/ext\/repository-jdbc.*PostgreSQL JDBC driver/);
    assert.equal(isAssembled(home), false);
  });

  it('refuses a second bootstrap jar, which the bootstrap itself would reject', () => {
    // Prepare
    put('plugins/ext/repository-jdbc/postgresql-42.7.11.jar');
    put('lib/gravitee-apim-rest-api-standalone-bootstrap-0.0.1.jar');

    // Act
    const missing = missingFromHome(home);

    // Assess
    assert.equal(missing.length, 1);
    assert.match(missing[0] ?? '', /exactly one bootstrap jar/);
  });
});

describe('reading Maven resolution errors', () => {
  it('lists every coordinate of a "could not be resolved" error once', () => {
    // Prepare: the shape Maven 3.8 prints when several dependencies are missing.
    const line =
      '[ERROR] Failed to execute goal on project home: Could not resolve dependencies for project ' +
      'x:home:pom:1: The following artifacts could not be resolved: ' +
      'io.gravitee.apim.rest.api.standalone:gravitee-apim-rest-api-standalone-bootstrap:jar:4.12.17, ' +
      'io.gravitee.apim.repository:gravitee-apim-repository-jdbc:zip:4.12.17: ' +
      'io.gravitee.apim.rest.api.standalone:gravitee-apim-rest-api-standalone-bootstrap:jar:4.12.17 was not ' +
      'found in https://repo.maven.apache.org/maven2 during a previous attempt.';

    // Act
    const coordinates = [...new Set(unresolvedCoordinates(line))];

    // Assess
    assert.deepEqual(coordinates, [
      'io.gravitee.apim.rest.api.standalone:gravitee-apim-rest-api-standalone-bootstrap:jar:4.12.17',
      'io.gravitee.apim.repository:gravitee-apim-repository-jdbc:zip:4.12.17',
    ]);
  });

  it('ignores lines that are not errors', () => {
    assert.deepEqual(unresolvedCoordinates('[WARNING] The POM for a:b:zip:1.0 is missing'), []);
  });
});

describe('choosing the JDK', () => {
  let fakeJdk: string;
  before(() => {
    fakeJdk = mkdtempSync(join(tmpdir(), 'gso-fake-jdk-'));
    mkdirSync(join(fakeJdk, 'bin'));
    writeFileSync(join(fakeJdk, 'bin', 'java'), '');
    writeFileSync(join(fakeJdk, 'release'), 'JAVA_VERSION="17.0.15"\n');
  });
  after(() => rmSync(fakeJdk, { recursive: true, force: true }));

  it(`finds a Java ${MINIMUM_JAVA_MAJOR}+ JDK on this machine`, () => {
    // Act
    const jdk = findJavaHome({});

    // Assess
    assert.ok(jdk.major >= MINIMUM_JAVA_MAJOR, `${jdk.home} is Java ${jdk.version}`);
  });

  it('refuses an explicitly named JDK older than that', () => {
    assert.throws(() => findJavaHome({ GSO_APIM_JAVA_HOME: fakeJdk }), JavaHomeError);
  });
});
