package io.cxgap.jobs.serve;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Turns SIGTERM and SIGINT into a latch count-down, so that {@code serve} stops its server and
 * Spark in order and exits 0, as a scheduler or systemd expects of a clean stop.
 *
 * <p>Java has no public API for this: a shutdown hook runs while the JVM is already exiting with
 * 143 (SIGTERM) or 130 (SIGINT). The JDK's {@code sun.misc.Signal} (module {@code jdk.unsupported},
 * exported on purpose for this) is the one way; it is reached by reflection so that the build can
 * compile with {@code -Werror}, since javac warns on every direct use of it and that warning cannot
 * be suppressed. Where the class is missing, a shutdown hook still counts the latch down (the
 * server stops, with the signal's exit code).
 */
final class StopSignals {
  private StopSignals() {}

  /** Counts {@code stop} down on SIGTERM or SIGINT; returns how the signals are caught. */
  static String countDownOn(CountDownLatch stop) {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      InvocationHandler onSignal = (proxy, method, args) -> handle(stop, proxy, method, args);
      Object h =
          Proxy.newProxyInstance(handler.getClassLoader(), new Class<?>[] {handler}, onSignal);
      Method handle = signal.getMethod("handle", signal, handler);
      for (String name : List.of("TERM", "INT")) {
        handle.invoke(null, signal.getConstructor(String.class).newInstance(name), h);
      }
      return "signal handlers";
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "cxgap-serve-stop"));
      return "shutdown hook";
    }
  }

  private static Object handle(CountDownLatch stop, Object proxy, Method method, Object[] args) {
    return switch (method.getName()) {
      case "handle" -> {
        stop.countDown();
        yield null;
      }
      case "hashCode" -> System.identityHashCode(proxy);
      case "equals" -> proxy == args[0];
      case "toString" -> "cxgap serve stop handler";
      default -> throw new UnsupportedOperationException(method.getName());
    };
  }
}
