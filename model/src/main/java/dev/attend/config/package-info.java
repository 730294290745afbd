/**
 * Per-OS folders for settings, data, cache and logs ({@code AppDirs}). Depends on nothing else in the project.
 */
package dev.attend.config;
