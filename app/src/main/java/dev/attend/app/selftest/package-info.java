/**
 * {@code attend selftest}: checks native libraries, a decode, devices and Apertium on this machine. Uses model
 * only.
 */
package dev.attend.app.selftest;
