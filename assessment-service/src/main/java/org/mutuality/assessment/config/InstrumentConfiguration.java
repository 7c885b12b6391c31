package org.mutuality.assessment.config;

import java.time.Clock;

import org.mutuality.assessment.instruments.InstrumentRegistry;
import org.mutuality.assessment.scoring.ScoringEngine;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shipped instruments, read and checked once at start-up (a broken definition stops the
 * service), the pure scoring engine, and the clock that stamps submissions.
 */
@Configuration(proxyBeanMethods = false)
class InstrumentConfiguration {

	@Bean
	InstrumentRegistry instrumentRegistry() {
		return InstrumentRegistry.fromClasspath();
	}

	@Bean
	ScoringEngine scoringEngine() {
		return new ScoringEngine();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
