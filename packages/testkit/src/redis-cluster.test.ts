import { describe, expect, test } from 'vitest';
import { startRedisCluster } from './redis-cluster.js';

describe('a throwaway Redis Cluster', () => {
  test('three masters and three replicas serve every slot; a killed master is failed over; stop ends them all', async () => {
    const cluster = await startRedisCluster({ replicas: 1 });
    const ports = cluster.nodes.map((n) => n.port);
    try {
      expect(cluster.url).toMatch(/^redis-cluster:\/\/127\.0\.0\.1:\d+(,127\.0\.0\.1:\d+){2}$/);
      expect((await cluster.masterPorts()).length).toBe(3);
      expect(await cluster.command(ports[0] as number, 'CLUSTER', 'INFO')).toContain(
        'cluster_slots_assigned:16384',
      );
      const { killed, promoted } = await cluster.failOver();
      expect(cluster.nodes.find((n) => n.port === killed)?.alive()).toBe(false);
      expect(await cluster.masterPorts()).toContain(promoted);
      expect(await cluster.command(promoted, 'CLUSTER', 'INFO')).toContain('cluster_state:ok');
    } finally {
      await cluster.stop();
    }
    expect(cluster.nodes.some((n) => n.alive())).toBe(false);
  }, 60_000);
});
