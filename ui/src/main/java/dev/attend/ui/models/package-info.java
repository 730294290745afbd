/**
 * The model manager dialog and view-model, and the port to the app's model service.
 */
package dev.attend.ui.models;
