//! Prints the text of the PDF named on the command line, as the
//! `pdf-extract` crate extracts it.
fn main() {
    let path = std::env::args().nth(1).expect("a PDF path");
    match pdf_extract::extract_text(&path) {
        Ok(text) => print!("{text}"),
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
}
