package org.mutuality.platform.test.infra.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starting and stopping child processes together with everything they spawned (a launcher script's JVM), and reading
 * the end of their logs. Children are started in their own session where the system has {@code setsid}, so a Ctrl-C
 * in the terminal reaches only the parent, which then stops them in order.
 */
public final class ChildProcesses {

	private static final Path SETSID = Path.of("/usr/bin/setsid");

	private ChildProcesses() {
	}

	/** The command, prefixed to run in a new session when {@code setsid} is available. */
	public static List<String> inNewSession(List<String> command) {
		if (!Files.isExecutable(SETSID)) {
			return command;
		}
		List<String> result = new ArrayList<>(command.size() + 1);
		result.add(SETSID.toString());
		result.addAll(command);
		return result;
	}

	/**
	 * Asks the process to terminate (SIGTERM), waits up to {@code grace} for it and every descendant it had, then kills
	 * whatever is left. Returns at once if the process has already exited and left no descendants.
	 */
	public static void stop(ProcessHandle process, Duration grace) {
		List<ProcessHandle> tree = new ArrayList<>();
		tree.add(process);
		process.descendants().forEach(tree::add);
		process.destroy();
		long deadline = System.nanoTime() + grace.toNanos();
		for (ProcessHandle handle : tree) {
			long left = deadline - System.nanoTime();
			if (left > 0 && handle.isAlive()) {
				try {
					handle.onExit().get(left, TimeUnit.NANOSECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
				catch (Exception ex) {
					// timed out: killed below
				}
			}
		}
		for (ProcessHandle handle : tree) {
			if (handle.isAlive()) {
				handle.destroyForcibly();
			}
		}
		for (ProcessHandle handle : tree) {
			try {
				handle.onExit().get(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (Exception ex) {
				// nothing more to do
			}
		}
	}

	/** The last {@code lines} lines of a log file, or an empty string when there is none. */
	public static String tail(Path file, int lines) {
		if (!Files.isRegularFile(file)) {
			return "";
		}
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
			long length = raf.length();
			long start = Math.max(0, length - 64 * 1024);
			byte[] bytes = new byte[(int) (length - start)];
			raf.seek(start);
			raf.readFully(bytes);
			String[] all = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
			int from = Math.max(0, all.length - lines);
			return String.join(System.lineSeparator(), List.of(all).subList(from, all.length));
		}
		catch (IOException ex) {
			return "(could not read " + file + ": " + ex.getMessage() + ")";
		}
	}

}
