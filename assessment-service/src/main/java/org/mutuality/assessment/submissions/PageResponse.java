package org.mutuality.assessment.submissions;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * A page of a list, as API.md's Conventions shape it.
 */
record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

	static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
		return new PageResponse<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
				page.getTotalElements(), page.getTotalPages());
	}

}
