package dev.personas.kernel; final class Placeholder {}
