package org.mutuality.booking.bookings;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import com.sun.management.OperatingSystemMXBean;

/**
 * The processors' busy time over part of a benchmark, from Linux's {@code /proc/stat} (every process on the
 * machine: the service, its PostgreSQL, the benchmark's client), and this JVM's share of it. On a machine
 * without {@code /proc/stat} it says that it measured nothing.
 */
final class MachineTime {

	private static final Path STAT = Path.of("/proc/stat");

	/** USER_HZ: the unit of {@code /proc/stat}, 100 per second on every Linux the project runs on. */
	private static final double TICKS_PER_MILLI = 0.1;

	private final long[] busyAndIdle;

	private final long jvmNanos;

	private final long wallNanos;

	private MachineTime(long[] busyAndIdle, long jvmNanos, long wallNanos) {
		this.busyAndIdle = busyAndIdle;
		this.jvmNanos = jvmNanos;
		this.wallNanos = wallNanos;
	}

	static MachineTime start() {
		return new MachineTime(ticks(), jvmCpuNanos(), System.nanoTime());
	}

	/** One line: the machine's and this JVM's processor milliseconds per operation since the start. */
	String perOperation(int operations) {
		long[] now = ticks();
		if (now == null || this.busyAndIdle == null) {
			return "Processor time: not measured (no /proc/stat).";
		}
		double busyMillis = (now[0] - this.busyAndIdle[0]) / TICKS_PER_MILLI;
		double idleMillis = (now[1] - this.busyAndIdle[1]) / TICKS_PER_MILLI;
		double jvmMillis = (jvmCpuNanos() - this.jvmNanos) / 1e6;
		double wallMillis = (System.nanoTime() - this.wallNanos) / 1e6;
		return String.format(Locale.ROOT,
				"Processor time per operation: %.2f ms on the whole machine, of which %.2f ms in this JVM (service "
						+ "and client) and %.2f ms elsewhere (PostgreSQL); the processors were busy %.0f %% of %.0f ms.",
				busyMillis / operations, jvmMillis / operations, (busyMillis - jvmMillis) / operations,
				100 * busyMillis / (busyMillis + idleMillis), wallMillis);
	}

	/** Busy and idle ticks of all processors together, or null without {@code /proc/stat}. */
	private static long[] ticks() {
		try {
			String[] fields = Files.readAllLines(STAT).get(0).trim().split("\\s+");
			long[] values = Arrays.stream(fields, 1, fields.length).mapToLong(Long::parseLong).toArray();
			// user nice system idle iowait irq softirq steal (guest and guest_nice are inside user and nice)
			long idle = values[3] + values[4];
			long busy = values[0] + values[1] + values[2] + values[5] + values[6] + values[7];
			return new long[] { busy, idle };
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static long jvmCpuNanos() {
		return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

}
