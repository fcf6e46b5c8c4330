import { FANOUT_CHUNK, FANOUT_MIN_CHUNK, fanOutChunkSize } from './realtime.service';

describe('fanOutChunkSize: a fan-out chunk fits the rest of the turn', () => {
  it('writes the most per call where writes are cheap', () => {
    // 2 ms left at 20 µs a socket: 100 would fit; an emit call takes at most FANOUT_CHUNK.
    expect(fanOutChunkSize(2, 0.02)).toBe(FANOUT_CHUNK);
  });

  it('writes fewer per call where each write is slow, so one call cannot hold the loop for long', () => {
    // 2 ms left at 0.1 ms a socket (the bench machine's loopback): 20, not 50 (5 ms).
    expect(fanOutChunkSize(2, 0.1)).toBe(20);
  });

  it('still makes progress when the budget is spent or zero', () => {
    expect(fanOutChunkSize(0, 0.1)).toBe(FANOUT_MIN_CHUNK);
    expect(fanOutChunkSize(-1, 0.02)).toBe(FANOUT_MIN_CHUNK);
    expect(fanOutChunkSize(2, 1)).toBe(FANOUT_MIN_CHUNK);
  });
});
