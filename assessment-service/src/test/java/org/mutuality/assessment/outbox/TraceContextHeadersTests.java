package org.mutuality.assessment.outbox;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceContextHeadersTests {

	@Test
	void keepsATraceStateThatFitsItsColumn() {
		String state = "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7";
		assertThat(new TraceContextHeaders("00-x-y-01", state).tracestate()).isEqualTo(state);
		assertThat(new TraceContextHeaders("00-x-y-01", null).tracestate()).isNull();
	}

	@Test
	void keepsTheFirstMembersThatFitWhenTheTraceStateIsLonger() {
		String a = "a=" + "1".repeat(248);
		String b = "b=" + "2".repeat(248);
		String c = "c=" + "3".repeat(248);
		String fitted = new TraceContextHeaders("00-x-y-01", a + "," + b + "," + c).tracestate();

		assertThat(fitted).isEqualTo(a + "," + b);
		assertThat(fitted.length()).isLessThanOrEqualTo(TraceContextHeaders.MAX_TRACESTATE_LENGTH);
		assertThat(TraceContextHeaders.fitting("x=" + "9".repeat(600))).isNull();
	}

}
