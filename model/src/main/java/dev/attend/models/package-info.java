/**
 * Bundled model files on the class path: materializing them into the cache and checking their SHA-256.
 */
package dev.attend.models;
