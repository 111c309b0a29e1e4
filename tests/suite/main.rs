//! The integration tests: the `beantwoord` binary run as a user runs it, on
//! scratch copies of the bundled data and of the fixtures in `tests/fixtures/`.

mod accessible;
mod annexes;
mod authoring;
mod batch;
mod build;
mod check;
mod common;
mod document;
mod exchange;
pub mod fidelity;
mod generated;
mod guard;
mod html;
mod language;
mod letter;
mod life;
mod output;
mod package;
mod pdf;
mod publication;
mod register_changes;
mod robustness;
pub mod woo;
mod word;
mod workbench;
