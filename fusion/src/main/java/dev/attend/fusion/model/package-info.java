/**
 * The fusion transformer itself: configuration, multi-head attention written from NDArray operations, transformer
 * layers and the multimodal network with its heads. Uses DJL's API only (the PyTorch engine at run time).
 */
package dev.attend.fusion.model;
