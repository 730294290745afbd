package dev.attend.fusion.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Scalar constants for the autograd graph. DJL 0.36's number overloads ({@code x.mul(2f)}) wrap the number in a
 * tensor over a Java direct buffer that is closed right after the op while autograd still holds it for backward,
 * so gradients read freed memory once a GC ran. {@code full(...)} makes a libtorch-owned scalar instead: always
 * use this for anything on a gradient path.
 */
public final class Const {

    private Const() {
    }

    /** A 0-d float tensor with {@code value} on {@code like}'s manager. */
    public static NDArray of(NDArray like, float value) {
        return like.getManager().full(new Shape(), value);
    }
}
