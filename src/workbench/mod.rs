//! The officer's workbench, `beantwoord serve`: a local, read-only web
//! server that shows every dossier's documents as the HTML backend renders
//! them, built in memory from the data as it is saved ([`snapshot`]), with
//! each answer's sources ([`crate::answers::provenance`]) and the problems
//! of the data inline ([`page`]); served on 127.0.0.1 to this machine's
//! browser only, updated live over server-sent events ([`server`]). Nothing
//! is written to disk.

pub mod page;
pub mod server;
pub mod snapshot;

pub use server::{Config, StartError, serve};
