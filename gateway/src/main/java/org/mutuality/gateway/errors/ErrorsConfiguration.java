package org.mutuality.gateway.errors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ErrorsConfiguration {

	@Bean
	ProblemErrorWebExceptionHandler problemErrorWebExceptionHandler() {
		return new ProblemErrorWebExceptionHandler();
	}

}
