/**
 * UI strings from the resource bundles (English, 简体中文).
 */
package dev.attend.ui.i18n;
