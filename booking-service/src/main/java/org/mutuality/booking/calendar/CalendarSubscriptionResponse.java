package org.mutuality.booking.calendar;

/**
 * A new private calendar subscription: the URL to paste into a calendar app. It is shown once; a new
 * one replaces it, and revoking it makes the URL answer 404.
 *
 * @param url the subscription URL, with the secret token in its query
 * @param token the secret token alone
 */
record CalendarSubscriptionResponse(String url, String token) {
}
