package org.mutuality.gateway.requests;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class RequestsConfiguration {

	@Bean
	RequestIdWebFilter requestIdWebFilter() {
		return new RequestIdWebFilter();
	}

	@Bean
	ResponseCommitWebFilter responseCommitWebFilter() {
		return new ResponseCommitWebFilter();
	}

	@Bean
	RequestBodyWebFilter requestBodyWebFilter(@Value("${mutuality.web.max-request-size:1MB}") DataSize maxRequestSize,
			@Value("${mutuality.gateway.request-body-timeout:10s}") Duration timeout) {
		return new RequestBodyWebFilter(maxRequestSize, timeout);
	}

}
