package org.mutuality.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Resident memory of a process and its descendants, from {@code /proc} (Linux only; elsewhere unknown).
 */
final class ProcessMemory {

	private ProcessMemory() {
	}

	/** The summed RSS in MiB, or -1 where {@code /proc} cannot tell. */
	static long residentMegabytes(ProcessHandle process) {
		long kilobytes = Stream.concat(Stream.of(process), process.descendants())
			.mapToLong((handle) -> residentKilobytes(handle.pid()))
			.filter((value) -> value >= 0)
			.sum();
		return (kilobytes > 0) ? kilobytes / 1024 : -1;
	}

	/** The RSS of this one process in MiB, or -1 where {@code /proc} cannot tell. */
	static long residentMegabytes(long pid) {
		long kilobytes = residentKilobytes(pid);
		return (kilobytes >= 0) ? kilobytes / 1024 : -1;
	}

	private static long residentKilobytes(long pid) {
		try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
			return lines.filter((line) -> line.startsWith("VmRSS:"))
				.map((line) -> line.replaceAll("[^0-9]", ""))
				.mapToLong(Long::parseLong)
				.findFirst()
				.orElse(-1);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

}
