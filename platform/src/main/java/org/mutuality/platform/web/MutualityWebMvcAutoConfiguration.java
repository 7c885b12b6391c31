package org.mutuality.platform.web;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Auto-configuration of the servlet services' web conventions: the problem+json exception handler,
 * the problem+json error controller in place of Spring Boot's (which backs off), strict whole
 * numbers in request bodies, and the request
 * body size limit ({@code mutuality.web.max-request-size}, 1 MiB by default). It runs before Spring
 * Boot's MVC auto-configuration so that Boot's own problem-details handler backs off too.
 */
@AutoConfiguration(before = { ErrorMvcAutoConfiguration.class, WebMvcAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@EnableConfigurationProperties(MutualityWebProperties.class)
public final class MutualityWebMvcAutoConfiguration {

	/** Early, before security: an oversized body is refused before anything else is done with it. */
	static final int REQUEST_SIZE_LIMIT_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	@Bean
	ProblemExceptionHandler problemExceptionHandler() {
		return new ProblemExceptionHandler();
	}

	/**
	 * Request bodies as they are written, or a 400 naming the field:
	 * <ul>
	 * <li>whole numbers only where a body field is one: Jackson would otherwise cut {@code 2.7} down
	 * to 2, and an answer of 0.9 to an item whose options are 0 to 3 would score as 0;</li>
	 * <li>no text for a number or a boolean, nor a number for a boolean ({@code "3"},
	 * {@code "true"}, {@code 2}): API.md makes a wrong type a 400;</li>
	 * <li>no field given twice: Jackson would keep the last, and
	 * {@code {"itemId":"q9","value":2,"value":0}} would score the risk item as 0.</li>
	 * </ul>
	 */
	@Bean
	JsonMapperBuilderCustomizer strictRequestBodies() {
		return (builder) -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
	}

	@Bean
	@ConditionalOnMissingBean(ErrorController.class)
	ProblemErrorController problemErrorController() {
		return new ProblemErrorController();
	}

	@Bean
	FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(MutualityWebProperties properties) {
		FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestSizeLimitFilter(properties.maxRequestSize().toBytes()));
		registration.setOrder(REQUEST_SIZE_LIMIT_FILTER_ORDER);
		return registration;
	}

}
