package dev.personas.bench; final class Placeholder {}
