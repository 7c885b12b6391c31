package org.mutuality.local.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands the run's one {@link RunningDevStack} to test classes (as a parameter of a
 * {@code @BeforeAll} or test method), starting it on first use, and stops it when the whole run
 * ends, unless a test stopped it already. Which classes go first is set in
 * {@code junit-platform.properties}: the Ctrl-C check, which ends the stack, runs last.
 */
class DevStackExtension implements ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(DevStackExtension.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == RunningDevStack.class;
	}

	@Override
	public RunningDevStack resolveParameter(ParameterContext parameter, ExtensionContext context) {
		RunningDevStack stack = RunningDevStack.shared();
		// closed by JUnit when the run's root context closes, after every test class
		context.getRoot().getStore(NAMESPACE).computeIfAbsent(Stopper.class, (key) -> new Stopper(stack), Stopper.class);
		return stack;
	}

	private record Stopper(RunningDevStack stack) implements AutoCloseable {

		@Override
		public void close() {
			this.stack.stop();
		}

	}

}
