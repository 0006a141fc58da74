package io.cxgap.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak heap of the benchmark's JVM between two {@link #reset} calls: the largest used heap
 * (MemoryMXBean, live and not yet collected objects) seen by sampling every 10 ms. A peak that
 * rises and is collected within 10 ms can be missed, so this is a lower bound on the true peak.
 */
final class HeapSampler implements AutoCloseable {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peak = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  HeapSampler() {
    thread = new Thread(this::loop, "cxgap-bench-heap");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running) {
      sample();
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sample() {
    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
  }

  /** Starts a new measurement. */
  void reset() {
    peak.set(memory.getHeapMemoryUsage().getUsed());
  }

  /** Peak used heap in MiB since the last reset. */
  long peakMib() {
    sample();
    return peak.get() >> 20;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
