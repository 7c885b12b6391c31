package org.mutuality.booking.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * A page of a list as API.md answers it:
 * {@code {"items": [...], "page": 0, "size": 20, "totalItems": 57, "totalPages": 3}}.
 *
 * @param items the items of this page
 * @param page the zero-based page number
 * @param size the requested page size
 * @param totalItems how many items all pages hold
 * @param totalPages how many pages there are
 * @param <T> the item type
 */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

	/** The answer for a Spring Data page, its content mapped to response records. */
	public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
		return new PageResponse<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
				page.getTotalElements(), page.getTotalPages());
	}

}
