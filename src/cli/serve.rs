//! `beantwoord serve`: the workbench ([`crate::workbench`]) on
//! 127.0.0.1 (another address only when asked, with a warning); prints the
//! address and serves until stopped. A port in use is one line, exit 1.

use super::DataArgs;
use crate::settings::Settings;
use std::net::IpAddr;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub data: DataArgs,
    /// The port to serve on (0: any free port).
    #[arg(long, value_name = "N", default_value_t = 8321)]
    pub port: u16,
    /// The address to serve on, as browsers will name it (requests for any other host are refused); anything but 127.0.0.1 lets other machines read the documents.
    #[arg(long, value_name = "IP", default_value = "127.0.0.1")]
    pub address: IpAddr,
    /// Also the internal render (withheld passages shown), behind a switch and a banner.
    #[arg(long)]
    pub internal: bool,
}

pub fn run(args: ServeArgs) -> Result<ExitCode, super::Failed> {
    let options = crate::settings::Options {
        mode: crate::settings::Mode::Preview,
        internal: args.internal,
        ..args.data.options()
    };
    let settings = Settings::new(options)?;
    if !args.address.is_loopback() {
        let message = match args.internal {
            true => crate::tr!("serve-open-internal", address = args.address.to_string()),
            false => crate::tr!("serve-open", address = args.address.to_string()),
        };
        eprintln!("{}: {message}", crate::tr!("severity-warning"));
    }
    let config = crate::workbench::Config {
        settings,
        address: args.address,
        port: args.port,
        internal: args.internal,
        today: super::status::clock_today(),
    };
    match crate::workbench::serve(config) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // Told already, with the data's problems.
        Err(crate::workbench::StartError::NoData) => Ok(ExitCode::from(1)),
        Err(e) => {
            eprintln!("{}", crate::tr!("error-line", message = e.to_string()));
            Ok(ExitCode::from(1))
        }
    }
}
