/**
 * The picocli commands of {@code attend}: run, models, translate, devices, testkit, selftest, bench. Print only
 * their output on stdout. Use model and the app's session wiring.
 */
package dev.attend.app.cli;
