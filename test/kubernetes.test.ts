import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { CONFIG_KEYS, loadConfig } from '../src/config.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { RATE_LIMIT_EXEMPT } from '../src/plugins/rate-limit.js';
import { createSeededApp, type SeededApp } from './helpers/seeded-app.js';
import { systemBinary } from './helpers/system-binary.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- rendered manifests are checked field by field */
type Manifest = Record<string, any>;

const kubectlMissing = !systemBinary('kubectl', 'apt-get install kubernetes-client');
const rendered = kubectlMissing ? undefined : spawnSync('kubectl', ['kustomize', join(PROJECT_ROOT, 'deploy/kubernetes')], { encoding: 'utf8' });

describe.skipIf(kubectlMissing)('deploy/kubernetes, rendered by kubectl kustomize', () => {
  let manifests: Manifest[];
  let seeded: SeededApp;
  const find = (kind: string, name = 'rolegraph') => {
    const found = manifests.find((m) => m.kind === kind && m.metadata.name === name);
    expect(found, `${kind}/${name}`).toBeDefined();
    return found!;
  };
  const container = () => find('Deployment').spec.template.spec.containers[0];
  const env = () => Object.fromEntries(container().env.map((e: { name: string; value: string }) => [e.name, e.value])) as Record<string, string>;

  beforeAll(async () => {
    expect(rendered!.status, rendered!.stderr).toBe(0);
    manifests = parseAllDocuments(rendered!.stdout).map((d) => d.toJS() as Manifest);
    seeded = await createSeededApp();
  }, 60_000);
  afterAll(async () => seeded?.close());

  it('has a Deployment, Service, HPA, PDB, Ingress and the optional Redis', () => {
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`).sort()).toEqual(
      ['Deployment/rolegraph', 'Deployment/rolegraph-redis', 'HorizontalPodAutoscaler/rolegraph', 'Ingress/rolegraph', 'PodDisruptionBudget/rolegraph', 'Service/rolegraph', 'Service/rolegraph-redis'].sort(),
    );
  });

  it('sets only environment variables the server reads, with values its config schema accepts', () => {
    const vars = env();
    for (const name of Object.keys(vars)) expect(CONFIG_KEYS, name).toContain(name);
    const config = loadConfig(vars);
    expect(config.host).toBe('0.0.0.0');
    expect(config.http.redisUrl).toBe(`redis://${find('Service', 'rolegraph-redis').metadata.name}:${find('Service', 'rolegraph-redis').spec.ports[0].port}`);
    // The Dockerfile seeds the database there and runs as uid 1000.
    const dockerfile = readFileSync(join(PROJECT_ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain(`DATABASE_PATH=${vars.DATABASE_PATH}`);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(find('Deployment').spec.template.spec.securityContext.runAsUser).toBe(1000);
  });

  it('exposes the port the server listens on, through the Service and the Ingress', () => {
    const port = container().ports.find((p: Manifest) => p.name === 'http');
    expect(port.containerPort).toBe(loadConfig(env()).port);
    const service = find('Service');
    expect(service.spec.selector).toEqual(find('Deployment').spec.template.metadata.labels);
    expect(service.spec.ports[0].targetPort).toBe('http');
    const backend = find('Ingress').spec.rules[0].http.paths[0].backend.service;
    expect(backend).toEqual({ name: service.metadata.name, port: { name: service.spec.ports[0].name } });
    expect(find('PodDisruptionBudget').spec.selector.matchLabels).toEqual(service.spec.selector);
    expect(find('HorizontalPodAutoscaler').spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'rolegraph' });
  });

  it('probes real routes: readiness fails while draining, liveness does not; neither is rate limited', async () => {
    const c = container();
    const probes = { startup: c.startupProbe.httpGet, readiness: c.readinessProbe.httpGet, liveness: c.livenessProbe.httpGet };
    for (const probe of Object.values(probes)) expect(probe.port).toBe('http');
    expect(probes.readiness.path).toBe('/ready');
    // Issue 22 M3: one slow answer under load does not take a replica out of rotation.
    expect(c.readinessProbe.timeoutSeconds).toBeGreaterThanOrEqual(3);
    expect(c.readinessProbe.failureThreshold).toBeGreaterThanOrEqual(2);
    expect(probes.liveness.path).toBe('/health');
    for (const probe of Object.values(probes)) {
      expect(RATE_LIMIT_EXEMPT.has(probe.path), probe.path).toBe(true);
      expect((await seeded.app.inject({ url: probe.path })).statusCode, probe.path).toBe(200);
    }
    seeded.app.draining = true;
    try {
      expect((await seeded.app.inject({ url: probes.readiness.path })).statusCode).toBe(503);
      expect((await seeded.app.inject({ url: probes.liveness.path })).statusCode).toBe(200);
    } finally {
      seeded.app.draining = false;
    }
  });

  it('lets the drain finish inside the grace period', () => {
    const spec = find('Deployment').spec.template.spec;
    const [command, seconds] = [spec.containers[0].lifecycle.preStop.exec.command[0], Number(spec.containers[0].lifecycle.preStop.exec.command[1])];
    expect(command).toBe('sleep');
    const drainSeconds = loadConfig(env()).shutdownDrainMs / 1000;
    // server.ts gives app.close() at most 10 s after the drain.
    expect(seconds + drainSeconds + 10).toBeLessThanOrEqual(spec.terminationGracePeriodSeconds);
    expect(find('Deployment').spec.strategy.rollingUpdate).toEqual({ maxSurge: 1, maxUnavailable: 0 });
  });

  it('runs locked down: non-root, read-only root filesystem, no capabilities, RuntimeDefault seccomp, bounded resources', () => {
    for (const name of ['rolegraph', 'rolegraph-redis']) {
      const pod = find('Deployment', name).spec.template.spec;
      expect(pod.securityContext.runAsNonRoot, name).toBe(true);
      expect(pod.securityContext.seccompProfile, name).toEqual({ type: 'RuntimeDefault' });
      expect(pod.automountServiceAccountToken, name).toBe(false);
      for (const c of pod.containers) {
        expect(c.securityContext, name).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
        expect(c.resources.requests.memory, name).toBeDefined();
        expect(c.resources.limits.memory, name).toBeDefined();
      }
    }
    const resources = container().resources;
    expect(resources.requests).toEqual({ cpu: '500m', memory: '256Mi' });
    expect(resources.limits).toEqual({ cpu: '1', memory: '512Mi' });
  });
});
