/**
 * Topics that articles are filed under, with the number of published articles in each.
 */
package org.mutuality.content.topics;
