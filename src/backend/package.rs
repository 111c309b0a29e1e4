//! `upload/documenten.zip`: the Woo documents as a publication platform's
//! upload step takes them (open.minvws.nl's "uploadstraat", step 3: the
//! production report first, then the documents, one file per document, or
//! a `.zip` of them, each named by its ID in the report). Each document's
//! tagged PDF, made by the PDF backend, stored (a PDF is compressed
//! already) under `<ID>.pdf`, in the inventory's order, every entry dated
//! 1980-01-01: the same documents give the same bytes.

use super::{Backend, BackendError, RenderContext, Rendered};
use std::io::Write;

pub struct Package;

impl Backend for Package {
    fn extension(&self) -> &'static str {
        "zip"
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Rendered, BackendError> {
        let docs = ctx.documents()?;
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored)
            .last_modified_time(zip::DateTime::default())
            .large_file(false);
        let mut warnings = Vec::new();
        for doc in docs {
            let pdf = super::pdf::Pdf.render(&RenderContext::document(&doc))?;
            for w in pdf.warnings {
                if !warnings.contains(&w) {
                    warnings.push(w);
                }
            }
            zip.start_file(format!("{}.pdf", doc.name), options).map_err(BackendError::Package)?;
            zip.write_all(&pdf.bytes).map_err(|e| BackendError::Package(e.into()))?;
        }
        let bytes = zip.finish().map_err(BackendError::Package)?.into_inner();
        // Its pages are counted once, in the documents' own PDFs.
        Ok(Rendered { bytes, pages: 0, warnings })
    }
}
