package org.mutuality.gateway.requests;

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
	RequestSizeWebFilter requestSizeWebFilter(@Value("${mutuality.web.max-request-size:1MB}") DataSize maxRequestSize) {
		return new RequestSizeWebFilter(maxRequestSize);
	}

}
