/**
 * ONNX Runtime models through DJL, loaded offline from bundled files ({@code OnnxModel}).
 */
package dev.attend.onnx;
