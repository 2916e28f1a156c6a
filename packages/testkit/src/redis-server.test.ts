import { Socket } from 'node:net';
import { describe, expect, test } from 'vitest';
import { startRedisServer } from './redis-server.js';

/** Sends one inline command and returns the first reply line. */
function command(port: number, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    socket.once('error', reject);
    socket.connect(port, '127.0.0.1', () => socket.write(`${line}\r\n`));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().split('\r\n')[0] ?? '');
    });
  });
}

describe('a throwaway redis-server', () => {
  test('serves on its own port, forgets everything across a kill and a restart, and stops', async () => {
    const redis = await startRedisServer();
    try {
      expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
      expect(await command(redis.port, 'SET k v')).toBe('+OK');
      expect(await command(redis.port, 'GET k')).toBe('$1');
      await redis.kill();
      await expect(command(redis.port, 'PING')).rejects.toThrow();
      await redis.restart();
      expect(await command(redis.port, 'GET k')).toBe('$-1');
      expect(await command(redis.port, 'CONFIG GET save')).toBe('*2');
    } finally {
      await redis.stop();
    }
    await expect(command(redis.port, 'PING')).rejects.toThrow();
  });
});
