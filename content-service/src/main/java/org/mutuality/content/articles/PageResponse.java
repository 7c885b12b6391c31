package org.mutuality.content.articles;

import java.util.List;

/**
 * A page of a list, as API.md's conventions shape it.
 */
record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

	static <T> PageResponse<T> of(List<T> items, int page, int size, long totalItems) {
		return new PageResponse<>(items, page, size, totalItems, (int) ((totalItems + size - 1) / size));
	}

}
