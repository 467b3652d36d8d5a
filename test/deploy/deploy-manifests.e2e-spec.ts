/**
 * What can be checked of deploy/ on a machine with no Docker daemon and no Kubernetes cluster:
 *
 * - every YAML file parses (duplicate keys are errors);
 * - deploy/compose.yaml against the Compose Specification's own JSON schema
 *   (deploy/schema/compose-spec.json, vendored from compose-spec/compose-spec) with ajv, then the
 *   things that matter for the ledger: services, health checks, start order, replicas, profiles,
 *   no credential written in the file;
 * - every Kubernetes manifest against the Kubernetes API schemas of the `kubernetes-models`
 *   package (`.validate()`), then what the schema cannot say: replicas, probes, security
 *   contexts, references between objects, the EventStoreDB cluster settings;
 * - the environment each app container gets (compose and Kubernetes) through the ledger's own
 *   configuration loader, so a setting that is missing or wrong fails here, not at start-up;
 * - the Dockerfile: stages, non-root user, health check, and the paths it runs;
 * - docs/deploy.md names every setting.
 *
 * What this does not do: build the image, start a container, or apply to a cluster.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import Ajv from 'ajv';
import { parseAllDocuments } from 'yaml';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import type { IIoK8sApiCoreV1Container as Container } from 'kubernetes-models/v1/Container';
import type { IIoK8sApiCoreV1PodSpec as PodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IIoK8sApiCoreV1Probe as Probe } from 'kubernetes-models/v1/Probe';
import { loadLedgerConfig } from '@ledger/platform/config/ledger-config';
import { loadOrCreateSigningKey } from '@ledger/platform/event-store/signing-key';

const root = resolve(__dirname, '..', '..');
const deployDir = join(root, 'deploy');
const k8sDir = join(deployDir, 'k8s');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

type Env = Record<string, string>;

/** Every YAML document in a file. Kubernetes reads YAML 1.1 (0440 is octal there); compose 1.2 with merge keys. */
function yamlDocuments(file: string, flavour: 'kubernetes' | 'compose'): unknown[] {
  const options =
    flavour === 'kubernetes' ? ({ version: '1.1' } as const) : ({ merge: true } as const);
  const docs = parseAllDocuments(readFileSync(file, 'utf8'), options);
  const list = Array.isArray(docs) ? docs : [];
  for (const doc of list) {
    const problems = [...doc.errors, ...doc.warnings].map((e) => e.message);
    expect({ file: relative(root, file), problems }).toEqual({
      file: relative(root, file),
      problems: [],
    });
  }
  return list.map((doc) => doc.toJS({ maxAliasCount: 100 })).filter((doc) => doc != null);
}

function filesUnder(dir: string, suffix: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, suffix);
    return suffix.test(name) ? [path] : [];
  });
}

/** KEY=value lines, as compose reads an env_file (no quoting used in ours). */
function parseEnvFile(text: string): Env {
  const env: Env = {};
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const at = trimmed.indexOf('=');
    expect(at).toBeGreaterThan(0);
    env[trimmed.slice(0, at)] = trimmed.slice(at + 1);
  }
  return env;
}

/**
 * The settings the ledger reads: the keys of the Joi schema in ledger-config.ts. Read from the
 * source, so a setting added there (the JWT secret, ...) shows up here and in the checks below.
 */
const ledgerSettings: string[] = (() => {
  const source = read('libs/platform/src/config/ledger-config.ts');
  const body = source.slice(source.indexOf('Joi.object({'), source.indexOf('.unknown(true)'));
  return [...body.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((match) => match[1]);
})();

/** A URL with a user and a password in it, e.g. postgres://user:secret@host/db. */
const credentialsInUrl = /:\/\/[^/\s:@]+:[^/\s@]+@/;

// ---------------------------------------------------------------------------------------------
// compose
// ---------------------------------------------------------------------------------------------

interface ComposeDependency {
  condition?: string;
  required?: boolean;
}
interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[] | string;
  profiles?: string[];
  restart?: string;
  env_file?: Array<{ path: string; required?: boolean }>;
  environment?: Record<string, string | number | boolean | null>;
  depends_on?: Record<string, ComposeDependency>;
  deploy?: { replicas?: number };
  healthcheck?: { test?: string[] | string; disable?: boolean };
  ports?: string[];
  volumes?: string[];
  read_only?: boolean;
  container_name?: string;
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const composePath = join(deployDir, 'compose.yaml');
const composeText = readFileSync(composePath, 'utf8');
const compose = yamlDocuments(composePath, 'compose')[0] as ComposeFile;
const services = compose.services;
const exampleEnv = parseEnvFile(read('deploy/ledger.env.example'));
const ledgerServices = ['signing-key', 'migrate', 'api', 'projector'];

/** The environment compose gives a service: its env_file (our example) and then `environment`. */
function composeEnv(name: string): Env {
  const service = services[name];
  const env: Env = {};
  for (const file of service.env_file ?? []) {
    expect(file.path).toBe('ledger.env');
    Object.assign(env, exampleEnv);
  }
  for (const [key, value] of Object.entries(service.environment ?? {})) {
    env[key] = value == null ? '' : String(value);
  }
  return env;
}

/** `node dist/<x>.js` or `node -e "require('./dist/<x>')..."` maps to the source <x>.ts. */
function sourceOf(distPath: string): string {
  return distPath.replace(/^\.?\/?dist\//, '').replace(/\.js$/, '') + '.ts';
}

describe('deploy/compose.yaml', () => {
  // The schema says draft-07 under its https address; ajv knows draft-07 by its http one.
  const composeSchema = {
    ...JSON.parse(read('deploy/schema/compose-spec.json')),
    $schema: 'http://json-schema.org/draft-07/schema#',
  };
  const validateCompose = new Ajv({ allErrors: true, strict: false }).compile(composeSchema);

  it('is a valid Compose file by the Compose Specification schema', () => {
    const valid = validateCompose(compose);
    expect(validateCompose.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would be caught by that schema if it were wrong (the check is not a no-op)', () => {
    const broken = structuredClone(compose);
    broken.services.api.depends_on!.postgres.condition = 'service_ready';
    (broken.services.projector as Record<string, unknown>).helthcheck = { disable: true };
    expect(validateCompose(broken)).toBe(false);
    const paths = (validateCompose.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
    expect(paths.join('\n')).toMatch(/depends_on\/postgres\/condition/);
    expect(paths.join('\n')).toMatch(/must NOT have additional properties/);
  });

  it('has PostgreSQL, a three-node EventStoreDB cluster, the API, the projector and their one-shots', () => {
    expect(Object.keys(services).sort()).toEqual(
      [
        'api',
        'eventstoredb-1',
        'eventstoredb-2',
        'eventstoredb-3',
        'gateway',
        'migrate',
        'postgres',
        'projector',
        'signing-key',
      ].sort(),
    );
    // The major version of the embedded server, so its dump restores here (no downgrade).
    expect(services.postgres.image).toMatch(/^postgres:18\b/);
    expect(services.postgres.volumes).toContain('postgres-data:/var/lib/postgresql');
    expect(services.postgres.healthcheck?.test).toEqual(
      expect.arrayContaining([expect.stringContaining('pg_isready')]),
    );
  });

  it('runs several API replicas and exactly one projector', () => {
    expect(services.api.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(services.projector.deploy?.replicas).toBe(1);
    // Replicas cannot share a container name or a host port; the gateway publishes the port.
    for (const name of ['api', 'projector']) {
      expect(services[name].container_name).toBeUndefined();
      expect(services[name].ports).toBeUndefined();
    }
    expect(services.gateway.depends_on?.api?.condition).toBe('service_healthy');
    expect(services.gateway.ports).toEqual([expect.stringMatching(/^127\.0\.0\.1:.*:8080$/)]);
    expect(read('deploy/gateway/Caddyfile')).toMatch(/dynamic a api 3000/);
  });

  it('gives every long-running service a health check, except the projector (no HTTP), said so', () => {
    for (const [name, service] of Object.entries(services)) {
      const oneShot = service.restart === 'no';
      if (oneShot || name === 'projector') {
        expect({ name, disabled: service.healthcheck?.disable }).toEqual({ name, disabled: true });
      } else {
        expect({ name, test: service.healthcheck?.test }).toEqual({
          name,
          test: expect.anything(),
        });
        expect(service.healthcheck?.disable).not.toBe(true);
        expect(service.restart).toBe('unless-stopped');
      }
    }
    expect(JSON.stringify(services.api.healthcheck?.test)).toContain('/health');
    for (const n of [1, 2, 3]) {
      expect(JSON.stringify(services[`eventstoredb-${n}`].healthcheck?.test)).toContain(
        '/health/live',
      );
    }
  });

  it('starts things in order: database healthy, key made and migrations done before the apps', () => {
    for (const name of ['api', 'projector']) {
      expect(services[name].depends_on).toMatchObject({
        postgres: { condition: 'service_healthy' },
        'signing-key': { condition: 'service_completed_successfully' },
        migrate: { condition: 'service_completed_successfully' },
        'eventstoredb-1': { condition: 'service_healthy', required: false },
        'eventstoredb-2': { condition: 'service_healthy', required: false },
        'eventstoredb-3': { condition: 'service_healthy', required: false },
      });
    }
    expect(services.migrate.depends_on).toMatchObject({
      postgres: { condition: 'service_healthy' },
    });
    for (const [name, service] of Object.entries(services)) {
      for (const [target, dependency] of Object.entries(service.depends_on ?? {})) {
        const what = `${name} -> ${target}`;
        expect({ what, defined: target in services }).toEqual({ what, defined: true });
        if (dependency.condition === 'service_healthy') {
          expect({ what, healthcheck: services[target].healthcheck?.disable }).toEqual({
            what,
            healthcheck: undefined,
          });
        }
        if (dependency.condition === 'service_completed_successfully') {
          expect({ what, restart: services[target].restart }).toEqual({ what, restart: 'no' });
        }
      }
    }
  });

  it('starts without EventStoreDB by default: only the eventstoredb profile needs it', () => {
    const inProfile = (name: string) => (services[name].profiles ?? []).length > 0;
    expect(Object.keys(services).filter(inProfile).sort()).toEqual([
      'eventstoredb-1',
      'eventstoredb-2',
      'eventstoredb-3',
    ]);
    for (const n of [1, 2, 3])
      expect(services[`eventstoredb-${n}`].profiles).toEqual(['eventstoredb']);
    // A default service may only need a profile service optionally.
    for (const [name, service] of Object.entries(services)) {
      if (inProfile(name)) continue;
      for (const [target, dependency] of Object.entries(service.depends_on ?? {})) {
        if (inProfile(target))
          expect({ name, target, required: dependency.required }).toEqual({
            name,
            target,
            required: false,
          });
      }
    }
    expect(exampleEnv.EVENT_STORE).toBe('postgres');
  });

  it('forms the EventStoreDB cluster: size 3, each node seeded with the other two, insecure marked local-only', () => {
    const nodes = ['eventstoredb-1', 'eventstoredb-2', 'eventstoredb-3'];
    for (const node of nodes) {
      const env = services[node].environment ?? {};
      expect(String(env.EVENTSTORE_CLUSTER_SIZE)).toBe('3');
      expect(String(env.EVENTSTORE_DISCOVER_VIA_DNS)).toBe('false');
      expect(env.EVENTSTORE_NODE_HOST_ADVERTISE_AS).toBe(node);
      expect(env.EVENTSTORE_REPLICATION_HOST_ADVERTISE_AS).toBe(node);
      const seeds = String(env.EVENTSTORE_GOSSIP_SEED).split(',').sort();
      expect(seeds).toEqual(nodes.filter((n) => n !== node).map((n) => `${n}:2113`));
      expect(String(env.EVENTSTORE_INSECURE)).toBe('true');
      expect(services[node].image).toMatch(
        /^(eventstore\/eventstore:24\.|kurrentplatform\/kurrentdb:)/,
      );
    }
    expect(composeText).toMatch(/EVENTSTORE_INSECURE: 'true' # LOCAL USE ONLY/);
    // Only the admin UI of one node is published, and only on loopback.
    const published = nodes.flatMap((node) => services[node].ports ?? []);
    expect(published).toEqual(['127.0.0.1:2113:2113']);
    // The app reaches all three nodes, and follows docs/eventstoredb.md's advice.
    const connection = exampleEnv.EVENTSTORE_CONNECTION_STRING;
    for (const node of nodes) expect(connection).toContain(`${node}:2113`);
    expect(connection).toMatch(/[?&]nodePreference=leader\b/);
    expect(connection).toMatch(/[?&]keepAliveInterval=\d+/);
    expect(connection).toMatch(/[?&]keepAliveTimeout=\d+/);
    expect(connection).toMatch(/[?&]tls=false\b/);
  });

  it('writes no credential in the compose file: they all come from ledger.env (git-ignored)', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        expect({
          name,
          key,
          secretName: /PASSWORD|SECRET|TOKEN|DATABASE_URL|CONNECTION_STRING/.test(key),
        }).toEqual({
          name,
          key,
          secretName: false,
        });
        expect({ name, key, credentials: credentialsInUrl.test(String(value)) }).toEqual({
          name,
          key,
          credentials: false,
        });
      }
    }
    expect(composeText).not.toContain(exampleEnv.POSTGRES_PASSWORD);
    expect(composeText).not.toMatch(credentialsInUrl);
    // The example carries only marked, local placeholders.
    expect(exampleEnv.POSTGRES_PASSWORD).toMatch(/CHANGE-ME/);
    expect(exampleEnv.DATABASE_URL).toContain(exampleEnv.POSTGRES_PASSWORD);
    expect(read('deploy/.gitignore').split('\n')).toContain('ledger.env');
  });

  it('gives every app container a complete, valid ledger configuration, with DATABASE_URL set', () => {
    expect(ledgerSettings).toEqual(
      expect.arrayContaining([
        'PORT',
        'DATABASE_URL',
        'EMBEDDED_PG_DATA_DIR',
        'EMBEDDED_PG_PORT',
        'EVENT_STORE',
        'EVENTSTORE_CONNECTION_STRING',
        'SIGNING_KEY_FILE',
        'LOG_LEVEL',
        'LOG_FORMAT',
      ]),
    );
    for (const name of ledgerServices) {
      const env = composeEnv(name);
      // Loaded exactly as the app loads it: a missing required or a bad value throws here.
      const config = loadLedgerConfig(env);
      // Nothing embedded starts in a container.
      expect({ name, databaseUrl: config.databaseUrl }).toEqual({
        name,
        databaseUrl: env.DATABASE_URL,
      });
      expect(config.log.pretty).toBe(false);
      expect(config.port).toBe(3000);
      // The API leaves projecting to the one projector service.
      if (name === 'api') expect(env.PROJECTOR).toBe('off');
      // And switched to EventStoreDB it is still complete.
      expect(loadLedgerConfig({ ...env, EVENT_STORE: 'eventstoredb' }).eventStore).toMatchObject({
        kind: 'eventstoredb',
        connectionString: env.EVENTSTORE_CONNECTION_STRING,
      });
      // No misspelt setting: every variable given is the ledger's or the PostgreSQL image's.
      for (const key of Object.keys(env)) {
        expect({
          name,
          key,
          known: ledgerSettings.includes(key) || key.startsWith('POSTGRES_'),
        }).toEqual({
          name,
          key,
          known: true,
        });
      }
    }
  });

  it('shares one signing key: made once by the one-shot, mounted read-only by the apps', () => {
    const keyDir = dirname(composeEnv('api').SIGNING_KEY_FILE);
    expect(services['signing-key'].volumes).toEqual([`ledger-keys:${keyDir}`]);
    for (const name of ['migrate', 'api', 'projector']) {
      expect(services[name].volumes).toContain(`ledger-keys:${keyDir}:ro`);
      expect(services[name].depends_on?.['signing-key']?.condition).toBe(
        'service_completed_successfully',
      );
    }
    expect(Object.keys(compose.volumes ?? {})).toEqual(
      expect.arrayContaining(['postgres-data', 'ledger-keys']),
    );
  });

  it('runs programs that exist, from one image built from the repository root', () => {
    for (const name of ledgerServices) {
      const service = services[name];
      expect(service.image).toBe('alliance-ledger:${LEDGER_TAG:-local}');
      expect(resolve(deployDir, service.build?.context ?? '')).toBe(root);
      expect(existsSync(join(root, service.build?.dockerfile ?? 'missing'))).toBe(true);
      expect(service.read_only).toBe(true);
      const command = [service.command ?? []].flat();
      expect(command[0]).toBe('node');
      const script =
        command[1] === '-e' ? (/require\('([^']+)'\)/.exec(command[2])?.[1] ?? '') : command[1];
      expect({ name, source: existsSync(join(root, sourceOf(script))) }).toEqual({
        name,
        source: true,
      });
    }
    expect(services.migrate.command).toEqual(['node', 'dist/apps/cli/src/main.js', 'migrate']);
    expect(services.projector.command).toEqual(['node', 'dist/apps/projector/src/main.js']);
    expect(services['signing-key'].command).toEqual(
      expect.arrayContaining([expect.stringContaining('loadOrCreateSigningKey')]),
    );
  });

  it('uses a signing-key helper that the ledger really exports', () => {
    expect(typeof loadOrCreateSigningKey).toBe('function');
  });
});

// ---------------------------------------------------------------------------------------------
// Dockerfile
// ---------------------------------------------------------------------------------------------

interface Stage {
  from: string;
  name?: string;
  lines: string[];
}

/** Instructions with their continuation lines joined, split into stages. */
function dockerStages(text: string): { args: Record<string, string>; stages: Stage[] } {
  const instructions = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of instructions) {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) {
      const image = from[1].replace(/\$\{(\w+)\}/g, (_, name: string) => args[name] ?? '');
      stages.push({ from: image, name: from[2], lines: [] });
    } else if (stages.length === 0) {
      const arg = /^ARG\s+(\w+)=(\S+)/i.exec(line);
      if (arg) args[arg[1]] = arg[2];
    } else {
      stages[stages.length - 1].lines.push(line);
    }
  }
  return { args, stages };
}

describe('deploy/Dockerfile', () => {
  const text = read('deploy/Dockerfile');
  const { stages } = dockerStages(text);
  const build = stages[0];
  const runtime = stages[stages.length - 1];

  it('builds in one stage and runs in another, both on node 20 bookworm-slim', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(build.name).toBe('build');
    for (const stage of stages) expect(stage.from).toBe('node:20-bookworm-slim');
    const buildSteps = build.lines.join('\n');
    expect(buildSteps).toMatch(/npm ci\b/);
    expect(buildSteps).toMatch(/npm run build\b/);
    expect(buildSteps).toMatch(/npm prune --omit=dev\b/);
  });

  it('runs as a non-root user with NODE_ENV=production and only dist, node_modules and package.json', () => {
    const users = runtime.lines.filter((line) => /^USER\s/i.test(line));
    expect(users).toHaveLength(1);
    const user = users[0].split(/\s+/)[1].split(':')[0];
    expect(['root', '0']).not.toContain(user);
    expect(runtime.lines.join('\n')).toMatch(/NODE_ENV=production/);
    const copies = runtime.lines.filter((line) => /^COPY\s/i.test(line));
    expect(copies.every((line) => /--from=build\b/.test(line))).toBe(true);
    const targets = copies.map((line) => line.split(/\s+/).pop()?.replace(/^\.\//, ''));
    expect(targets.sort()).toEqual(['dist', 'node_modules', 'package.json']);
  });

  it('checks /health and starts the API by default, at the path nest build writes it to', () => {
    const healthcheck = runtime.lines.find((line) => /^HEALTHCHECK\s/i.test(line));
    expect(healthcheck).toContain('/health');
    const cmd = runtime.lines.find((line) => /^CMD\s/i.test(line)) ?? '';
    expect(JSON.parse(cmd.replace(/^CMD\s+/i, ''))).toEqual(['node', 'dist/apps/api/src/main.js']);
    const nestCli = JSON.parse(read('nest-cli.json'));
    for (const app of ['api', 'projector', 'cli']) {
      const entry = `dist/${nestCli.projects[app].entryFile}.js`;
      expect(text).toContain(`test -f ${entry}`);
      expect(existsSync(join(root, sourceOf(entry)))).toBe(true);
    }
  });

  it('sends only what the build copies: the ignore file beside it allows exactly those paths', () => {
    const ignore = read('deploy/Dockerfile.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    expect(ignore[0]).toBe('*');
    const allowed = ignore
      .filter((line) => line.startsWith('!'))
      .map((l) => l.slice(1).replace(/\/$/, ''));
    const copied = build.lines
      .filter((line) => /^COPY\s/i.test(line) && !/--from=/.test(line))
      .flatMap((line) => line.split(/\s+/).slice(1, -1))
      .filter((word) => !word.startsWith('--'));
    expect(copied.sort()).toEqual(allowed.sort());
    for (const never of ['data', '.env', 'deploy', '.git', 'node_modules', 'dist']) {
      expect(allowed).not.toContain(never);
    }
    for (const path of copied) expect(existsSync(join(root, path))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Kubernetes
// ---------------------------------------------------------------------------------------------

type Manifest =
  Namespace | ConfigMap | Secret | Service | Deployment | StatefulSet | Job | PodDisruptionBudget;

const models: Record<string, new (data: never) => Manifest> = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'batch/v1/Job': Job,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};

interface Kustomization {
  apiVersion: string;
  kind: string;
  namespace: string;
  resources: string[];
  images: Array<{ name: string; newName: string; newTag: string }>;
}

const kustomizationFiles = filesUnder(k8sDir, /^kustomization\.yaml$/);
const kustomizations = kustomizationFiles.map((file) => ({
  file,
  content: yamlDocuments(file, 'kubernetes')[0] as Kustomization,
}));
const manifestFiles = filesUnder(k8sDir, /\.ya?ml$/).filter(
  (file) => !file.endsWith('kustomization.yaml'),
);
const manifests: Array<{ file: string; object: Manifest }> = manifestFiles.flatMap((file) =>
  yamlDocuments(file, 'kubernetes').map((doc) => {
    const { apiVersion, kind } = doc as { apiVersion: string; kind: string };
    const Model = models[`${apiVersion}/${kind}`];
    if (!Model) throw new Error(`${relative(root, file)}: no schema for ${apiVersion} ${kind}`);
    return { file, object: new Model(doc as never) };
  }),
);
const all = manifests.map((m) => m.object);
const byKind = <T extends Manifest>(Model: abstract new (...args: never[]) => T): T[] =>
  all.filter((object): object is T => object instanceof Model);
const named = <T extends Manifest>(list: T[], name: string): T => {
  const found = list.find((object) => object.metadata?.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
};

const namespace = kustomizations.find((k) => k.file === join(k8sDir, 'kustomization.yaml'))!.content
  .namespace;
const configMaps = byKind(ConfigMap);
const secrets = byKind(Secret);
const k8sServices = byKind(Service);
const deployments = byKind(Deployment);
const statefulSets = byKind(StatefulSet);
const jobs = byKind(Job);
const apiDeployment = named(deployments, 'ledger-api');
const projectorDeployment = named(deployments, 'ledger-projector');
const eventStoreDb = named(statefulSets, 'eventstoredb');

/** Pods that run the ledger image. */
const ledgerPods: Array<{ name: string; spec: PodSpec }> = [
  ...deployments.map((d) => ({ name: d.metadata!.name!, spec: d.spec!.template.spec! })),
  ...jobs.map((j) => ({ name: j.metadata!.name!, spec: j.spec!.template.spec! })),
];

/** The environment a container gets: envFrom ConfigMaps and Secrets, then env. */
function containerEnv(container: Container): Env {
  const env: Env = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) {
      Object.assign(env, named(configMaps, source.configMapRef.name!).data);
    }
    if (source.secretRef) {
      Object.assign(env, named(secrets, source.secretRef.name!).stringData);
    }
  }
  for (const variable of container.env ?? []) env[variable.name] = variable.value ?? '';
  return env;
}

function expectHttpProbe(probe: Probe | undefined, container: Container, path: string) {
  expect(probe?.httpGet?.path).toBe(path);
  const port = probe?.httpGet?.port;
  const ports = (container.ports ?? []).flatMap((p) => [p.name, p.containerPort]);
  expect(ports).toContain(port);
}

function expectLockedDown(spec: PodSpec, container: Container, readOnlyRoot: boolean) {
  expect(spec.securityContext?.runAsNonRoot).toBe(true);
  expect(spec.securityContext?.runAsUser).toBeGreaterThan(0);
  expect(spec.securityContext?.seccompProfile?.type).toBe('RuntimeDefault');
  expect(spec.automountServiceAccountToken).toBe(false);
  expect(container.securityContext?.allowPrivilegeEscalation).toBe(false);
  expect(container.securityContext?.capabilities?.drop).toEqual(['ALL']);
  expect(container.securityContext?.readOnlyRootFilesystem).toBe(readOnlyRoot);
  expect(container.resources?.requests).toEqual({
    cpu: expect.any(String),
    memory: expect.any(String),
  });
  expect(container.resources?.limits?.memory).toEqual(expect.any(String));
}

describe('deploy/k8s', () => {
  it('validates every manifest against the Kubernetes API schema (kubernetes-models)', () => {
    expect(manifests.length).toBeGreaterThanOrEqual(10);
    for (const { file, object } of manifests) {
      let problem: string | undefined;
      try {
        object.validate();
      } catch (error) {
        problem = (error as Error).message;
      }
      expect({ file: relative(root, file), name: object.metadata?.name, problem }).toEqual({
        file: relative(root, file),
        name: object.metadata?.name,
        problem: undefined,
      });
    }
  });

  it('lists every manifest in a kustomization, in one namespace, with one image name', () => {
    const listed = new Set<string>();
    for (const { file, content } of kustomizations) {
      expect(content.apiVersion).toBe('kustomize.config.k8s.io/v1beta1');
      expect(content.kind).toBe('Kustomization');
      expect(content.namespace).toBe(namespace);
      for (const resource of content.resources) {
        const path = join(dirname(file), resource);
        expect({ resource, exists: existsSync(path) }).toEqual({ resource, exists: true });
        listed.add(path);
      }
      expect(content.images).toEqual(kustomizations[0].content.images);
    }
    expect(manifestFiles.filter((file) => !listed.has(file))).toEqual([]);
    expect(named(byKind(Namespace), namespace)).toBeDefined();
    // Every ledger container uses the image name the kustomizations rewrite.
    const imageName = kustomizations[0].content.images[0].name;
    for (const { spec } of ledgerPods) {
      for (const container of spec.containers) expect(container.image).toBe(imageName);
    }
    // Objects are namespaced by kustomize, not by hand.
    for (const object of all) expect(object.metadata?.namespace).toBeUndefined();
  });

  it('selects its own pods: every workload, Service and PodDisruptionBudget selector matches pod labels', () => {
    const podLabels = [...deployments, ...statefulSets].map((w) => {
      expect(w.spec!.template.metadata?.labels).toMatchObject(w.spec!.selector.matchLabels!);
      return w.spec!.template.metadata!.labels!;
    });
    const matches = (selector: Record<string, string>) =>
      podLabels.some((labels) => Object.entries(selector).every(([k, v]) => labels[k] === v));
    for (const service of k8sServices) expect(matches(service.spec!.selector!)).toBe(true);
    for (const pdb of byKind(PodDisruptionBudget)) {
      expect(matches(pdb.spec!.selector!.matchLabels!)).toBe(true);
    }
  });

  it('runs 3 API replicas with readiness, liveness and startup probes on /health, locked down', () => {
    expect(apiDeployment.spec?.replicas).toBe(3);
    const spec = apiDeployment.spec!.template.spec!;
    const [api] = spec.containers;
    expect(api.command).toEqual(['node', 'dist/apps/api/src/main.js']);
    expectHttpProbe(api.readinessProbe, api, '/health');
    expectHttpProbe(api.livenessProbe, api, '/health');
    expectHttpProbe(api.startupProbe, api, '/health');
    expectLockedDown(spec, api, true);
    expect(apiDeployment.spec?.strategy?.rollingUpdate?.maxUnavailable).toBe(0);
    // The API leaves projecting to the one projector Deployment.
    expect(containerEnv(api).PROJECTOR).toBe('off');
    const service = named(k8sServices, 'ledger-api');
    expect(service.spec?.ports?.[0].targetPort).toBe('http');
    expect(api.ports?.map((p) => p.name)).toContain('http');
    expect(Number(containerEnv(api).PORT)).toBe(api.ports![0].containerPort);
  });

  it('runs exactly one projector, replaced with Recreate so two never overlap', () => {
    expect(projectorDeployment.spec?.replicas).toBe(1);
    expect(projectorDeployment.spec?.strategy?.type).toBe('Recreate');
    const spec = projectorDeployment.spec!.template.spec!;
    const [projector] = spec.containers;
    expect(projector.command).toEqual(['node', 'dist/apps/projector/src/main.js']);
    expectLockedDown(spec, projector, true);
    expect(read('deploy/k8s/projector.yaml')).toMatch(/lease/);
  });

  it('gives every ledger container a complete configuration, its secrets and its files', () => {
    for (const { name, spec } of ledgerPods) {
      for (const container of spec.containers) {
        const env = containerEnv(container);
        const config = loadLedgerConfig(env);
        expect({ name, databaseUrl: config.databaseUrl }).toEqual({
          name,
          databaseUrl: env.DATABASE_URL,
        });
        expect(config.log.pretty).toBe(false);
        expect(loadLedgerConfig({ ...env, EVENT_STORE: 'eventstoredb' }).eventStore.kind).toBe(
          'eventstoredb',
        );
        for (const key of Object.keys(env)) {
          expect({ name, key, known: ledgerSettings.includes(key) }).toEqual({
            name,
            key,
            known: true,
          });
        }
        const mounts = new Map(
          (container.volumeMounts ?? []).map((mount) => [mount.mountPath, mount]),
        );
        const volumeOf = (path: string) =>
          spec.volumes?.find((volume) => volume.name === mounts.get(path)?.name);
        expect(mounts.get('/tmp')).toBeDefined();
        // Every replica signs with the key from the Secret, mounted read-only.
        const keyVolume = volumeOf(dirname(config.eventStore.signingKeyFile));
        expect(keyVolume?.secret?.secretName).toBe('ledger-signing-key');
        expect(mounts.get(dirname(config.eventStore.signingKeyFile))?.readOnly).toBe(true);
        expect(named(secrets, 'ledger-signing-key').stringData).toHaveProperty([
          posix.basename(config.eventStore.signingKeyFile),
        ]);
        // The EventStoreDB CA named in the connection string is mounted where it says.
        const caFile = /[?&]tlsCAFile=([^&]+)/.exec(env.EVENTSTORE_CONNECTION_STRING)?.[1];
        expect(caFile).toBeDefined();
        expect(volumeOf(dirname(caFile!))?.secret).toMatchObject({
          secretName: 'eventstoredb-ca',
          optional: true,
        });
      }
    }
  });

  it('commits no secret: only marked placeholders, or values without credentials', () => {
    for (const secret of secrets) {
      expect(secret.data).toBeUndefined();
      for (const [key, value] of Object.entries(secret.stringData ?? {})) {
        const placeholder = value.includes('REPLACE-ME');
        expect({
          key,
          safe: placeholder || (!credentialsInUrl.test(value) && !/PRIVATE KEY-----\n/.test(value)),
        }).toEqual({
          key,
          safe: true,
        });
      }
    }
    expect(named(secrets, 'ledger-secrets').stringData?.DATABASE_URL).toContain('REPLACE-ME');
    expect(named(secrets, 'ledger-signing-key').stringData?.['signing-key.pem']).toContain(
      'REPLACE-ME',
    );
    expect(read('deploy/k8s/secret.yaml')).toMatch(/PLACEHOLDERS/);
    // Configuration that is not secret stays out of Secrets, and the reverse.
    for (const configMap of configMaps) {
      for (const key of Object.keys(configMap.data ?? {})) {
        expect(key).not.toMatch(/DATABASE_URL|CONNECTION_STRING|PASSWORD|SECRET|TOKEN/);
      }
    }
  });

  it('forms a three-node EventStoreDB cluster through its headless Service', () => {
    const spec = eventStoreDb.spec!;
    expect(spec.replicas).toBe(3);
    expect(spec.podManagementPolicy).toBe('Parallel');
    const headless = named(k8sServices, spec.serviceName!);
    expect(headless.spec?.clusterIP).toBe('None');
    expect(headless.spec?.publishNotReadyAddresses).toBe(true);
    expect(spec.template.metadata?.labels).toMatchObject(headless.spec!.selector!);
    const [node] = spec.template.spec!.containers;
    expect(node.image).toMatch(/^(eventstore\/eventstore:24\.|kurrentplatform\/kurrentdb:)/);
    const env = Object.fromEntries((node.env ?? []).map((v) => [v.name, v.value]));
    expect(env.EVENTSTORE_CLUSTER_SIZE).toBe(String(spec.replicas));
    expect(env.EVENTSTORE_DISCOVER_VIA_DNS).toBe('true');
    expect(env.EVENTSTORE_CLUSTER_DNS).toBe(
      `${spec.serviceName}.$(POD_NAMESPACE).svc.cluster.local`,
    );
    const podDns = `$(POD_NAME).${spec.serviceName}.$(POD_NAMESPACE).svc.cluster.local`;
    expect(env.EVENTSTORE_NODE_HOST_ADVERTISE_AS).toBe(podDns);
    expect(env.EVENTSTORE_REPLICATION_HOST_ADVERTISE_AS).toBe(podDns);
    // $(VAR) only expands variables defined before it.
    const order = (node.env ?? []).map((v) => v.name);
    expect(order.indexOf('POD_NAME')).toBeLessThan(
      order.indexOf('EVENTSTORE_NODE_HOST_ADVERTISE_AS'),
    );
    expect(order.indexOf('POD_NAMESPACE')).toBeLessThan(order.indexOf('EVENTSTORE_CLUSTER_DNS'));
    expect(env.EVENTSTORE_INSECURE).toBeUndefined();
    // The certificate files are where the server is told they are.
    const certMount = node.volumeMounts!.find((m) => m.name === 'certs')!;
    const certVolume = spec.template.spec!.volumes!.find((v) => v.name === 'certs')!;
    const certFiles = certVolume.secret!.items!.map((item) =>
      posix.join(certMount.mountPath, item.path),
    );
    expect(certFiles).toEqual(
      expect.arrayContaining([
        env.EVENTSTORE_CERTIFICATE_FILE,
        env.EVENTSTORE_CERTIFICATE_PRIVATE_KEY_FILE,
      ]),
    );
    expect(
      certFiles.some((f) => dirname(f) === env.EVENTSTORE_TRUSTED_ROOT_CERTIFICATES_PATH),
    ).toBe(true);
    // Data on a persistent volume per node.
    const claim = spec.volumeClaimTemplates![0];
    expect(node.volumeMounts).toContainEqual({
      name: claim.metadata!.name,
      mountPath: '/var/lib/eventstore',
    });
    expectHttpProbe(node.readinessProbe, node, '/health/live');
    expectHttpProbe(node.livenessProbe, node, '/health/live');
    expect(node.readinessProbe?.httpGet?.scheme).toBe('HTTPS');
    expectLockedDown(spec.template.spec!, node, false);
    // The apps discover the cluster through the same Service, as leader, with keep-alives.
    const connection = named(secrets, 'ledger-secrets').stringData!.EVENTSTORE_CONNECTION_STRING;
    expect(connection).toMatch(
      new RegExp(
        `^esdb\\+discover://${spec.serviceName}\\.${namespace}\\.svc\\.cluster\\.local:2113\\?`,
      ),
    );
    for (const option of [
      'tls=true',
      'nodePreference=leader',
      'keepAliveInterval=',
      'keepAliveTimeout=',
    ]) {
      expect(connection).toContain(option);
    }
  });

  it('runs the migrations as an optional Job with the CLI', () => {
    const job = named(jobs, 'ledger-migrate');
    const spec = job.spec!.template.spec!;
    expect(spec.restartPolicy).toBe('Never');
    expect(spec.containers[0].command).toEqual(['node', 'dist/apps/cli/src/main.js', 'migrate']);
    expectLockedDown(spec, spec.containers[0], true);
  });
});

// ---------------------------------------------------------------------------------------------
// every YAML file, and the docs
// ---------------------------------------------------------------------------------------------

describe('deploy/ files and docs/deploy.md', () => {
  it('parses every YAML file under deploy/', () => {
    const files = filesUnder(deployDir, /\.ya?ml$/);
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      expect(
        yamlDocuments(file, file === composePath ? 'compose' : 'kubernetes').length,
      ).toBeGreaterThan(0);
    }
  });

  it('documents every setting, the Secrets made by hand, and what was not run here', () => {
    const docs = read('docs/deploy.md');
    for (const setting of ledgerSettings) expect(docs).toContain(`\`${setting}\``);
    for (const secret of [
      'eventstoredb-certs',
      'eventstoredb-ca',
      'ledger-secrets',
      'ledger-signing-key',
    ]) {
      expect(docs).toContain(secret);
    }
    expect(docs).toMatch(/## What was not run here/);
    expect(docs).toContain('migrate-events');
    expect(docs).toContain('pg_dump');
  });
});
