//! `syria_extract._native`: the Python module of the syria-extract library.
//!
//! The Python-facing documentation is in the docstrings below and in
//! `syria_extract/_native.pyi`; the package `syria_extract` re-exports everything and
//! adds the pandas helpers. Results are built as Python objects directly from the
//! library's serde types ([`to_py`]), in the JSON shape of `syria-extract extract`.
//!
//! Every call that extracts releases the GIL while the library runs, so Python threads
//! run in parallel with it; `extract_batch` and `acled_batch` use every core themselves.

use std::path::PathBuf;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString, PyTuple, PyType};
use syria_extract::acled::{self, DocumentInfo};
use syria_extract::time::{Date, DateErrorKind};
use syria_extract::{Article, BlockCursor, Document};

use crate::to_py::Converter;

/// The CLI's reading of an archive's date field (`YYYY-MM-DD`, optionally with a time
/// part), shared so that a date means the same in Python as in `syria-extract --jsonl`.
mod to_py;

#[path = "../../cli/src/dates.rs"]
#[allow(dead_code)] // parse_flag is the CLI's alone
mod dates;

pyo3::create_exception!(
    syria_extract,
    GazetteerError,
    PyValueError,
    "A gazetteer file that does not load.\n\n\
     Attributes: ``file`` (the path as given), ``line`` (1-based, or None when the error \
     concerns the whole file, e.g. it cannot be read) and ``reason``; ``str(error)`` reads \
     ``FILE:LINE: reason``."
);

/// Extracts actors, locations, sources, time expressions and events from Arabic news.
///
/// ``Extractor()`` uses the built-in gazetteers; ``Extractor(files=[...])`` adds your
/// gazetteer files (TSV, see gazetteers/FORMAT.md) to them and raises
/// :class:`GazetteerError` naming the file, line and reason when one does not load.
/// Build it once and reuse it: building compiles every name into one automaton. One
/// extractor may be used from many threads.
#[pyclass(frozen, subclass, module = "syria_extract")]
struct Extractor {
    inner: syria_extract::Extractor,
    files: Vec<PathBuf>,
}

#[pymethods]
impl Extractor {
    #[new]
    #[pyo3(signature = (files = None))]
    fn new(py: Python<'_>, files: Option<&Bound<'_, PyAny>>) -> PyResult<Extractor> {
        let files = match files {
            None => Vec::new(),
            Some(f) => path_list(f)?,
        };
        let inner = if files.is_empty() {
            syria_extract::Extractor::default()
        } else {
            let builder = files
                .iter()
                .fold(syria_extract::Extractor::builder(), |b, f| b.add_file(f));
            py.detach(|| builder.build())
                .map_err(|e| gazetteer_error(py, &e))?
        };
        Ok(Extractor { inner, files })
    }

    /// Extracts one text: a dict with ``entities``, ``events`` and ``times``, the JSON
    /// object ``syria-extract extract`` prints for it (without ``"file"``). Offsets are
    /// byte offsets into the UTF-8 encoding of ``text``.
    ///
    /// ``date`` is the publication date (a ``datetime.date``, or a str
    /// ``"YYYY-MM-DD"``, optionally followed by a time part as in
    /// ``"2015-07-21 02:51:32"``): relative times such as "أمس" then get calendar dates.
    #[pyo3(signature = (text, date = None))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        date: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let text = str_arg(text, "text")?;
        let text = text.to_str()?;
        let date = date_arg(py, date, "date")?;
        let doc = py.detach(|| self.inner.extract(Article::new(text).published(date)));
        Converter::new(py)?.convert(&doc)
    }

    /// Extracts a long text one block at a time: an iterator of dicts ``{"start": int,
    /// "end": int, "document": dict}``, one per block of at most ``max_bytes`` bytes of
    /// UTF-8 (default 1 MB), cut at a paragraph break where there is one (else a line
    /// break, a sentence end or a space). The library holds one block at a time, so a
    /// text of hundreds of megabytes is extracted in memory bounded by the block size
    /// and by what you keep of the results.
    ///
    /// Offsets in every ``document`` are into the whole ``text``, and event indexes
    /// (``part_of``, ``refers_to``) count the events of the blocks before, as in the
    /// CLI's output for a document over 1 MB. Each block is extracted as a text of its
    /// own: which of two places of one name is meant, and what a word like "التنظيم"
    /// refers to, is not read across a cut. A text of ``max_bytes`` or fewer is one
    /// block whose document equals ``extract(text, date)``.
    #[pyo3(signature = (text, date = None, max_bytes = 1_048_576))]
    fn extract_blocks<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        date: Option<&Bound<'py, PyAny>>,
        max_bytes: usize,
    ) -> PyResult<Blocks> {
        let text = str_arg(text, "text")?;
        // Encoded once here; each block borrows the string's cached UTF-8.
        text.to_str()?;
        if max_bytes == 0 {
            return Err(PyValueError::new_err("max_bytes: must be at least 1"));
        }
        Ok(Blocks {
            extractor: self.inner.clone(),
            text: text.clone().unbind(),
            date: date_arg(py, date, "date")?,
            max_bytes,
            cursor: BlockCursor::default(),
        })
    }

    /// Extracts many texts on every core, with the GIL released: a list of dicts in
    /// input order, each equal to ``extract(text, date)``.
    ///
    /// ``dates`` is None, one date for every text, or a sequence of dates (or None) as
    /// long as ``texts``. All results are held in memory: give an archive in chunks of a
    /// few thousand texts.
    #[pyo3(signature = (texts, dates = None))]
    fn extract_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        dates: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let texts = str_list(texts, "texts")?;
        let strs = borrow_all(&texts)?;
        let dates = dates_arg(py, dates, strs.len())?;
        let articles: Vec<Article<'_>> = strs
            .iter()
            .zip(&dates)
            .map(|(t, d)| Article::new(t).published(*d))
            .collect();
        let docs = py.detach(|| self.inner.extract_batch(&articles));
        let mut conv = Converter::new(py)?;
        let items = docs
            .iter()
            .map(|d| conv.convert(d))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, items)
    }

    /// The ACLED rows of one article, as ``syria-extract acled`` writes them: a list of
    /// dicts whose keys are ACLED's 31 export columns in order (``ACLED_COLUMNS``);
    /// empty cells are ``""`` or None.
    ///
    /// ``id`` (str or int) names the article and makes its ``event_id_cnty`` values;
    /// ``date`` is the publication date (as in :meth:`extract`), the event date when a
    /// sentence gives none; ``source`` the outlet, first in the ``source`` column;
    /// ``timestamp`` the ``timestamp`` column in seconds since 1970 (default: now).
    /// ``document``, the dict :meth:`extract` returned for this text and date, saves
    /// extracting it again.
    #[pyo3(signature = (text, *, id, date = None, source = None, timestamp = None, document = None))]
    #[allow(clippy::too_many_arguments)] // Python keyword arguments
    fn acled_rows<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        id: &Bound<'py, PyAny>,
        date: Option<&Bound<'py, PyAny>>,
        source: Option<&Bound<'py, PyAny>>,
        timestamp: Option<&Bound<'py, PyAny>>,
        document: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let text = str_arg(text, "text")?;
        let text = text.to_str()?;
        let id = id_arg(id, "id")?;
        let date = date_arg(py, date, "date")?;
        let source = optional_str(source, "source")?;
        let timestamp = timestamp_arg(timestamp)?;
        let doc = match document {
            Some(d) if !d.is_none() => document_arg(d, "document")?,
            _ => py.detach(|| self.inner.extract(Article::new(text).published(date))),
        };
        let info = DocumentInfo {
            id: &id,
            date,
            source: source.as_deref(),
            timestamp: Some(timestamp),
        };
        let rows = py.detach(|| acled::rows(self.inner.gazetteer(), text, &doc, &info));
        rows_to_py(py, &rows)
    }

    /// The ACLED rows of many articles, extracted on every core with the GIL released:
    /// one flat list, article by article in input order, equal to calling
    /// :meth:`acled_rows` on each (and to ``syria-extract acled --jsonl`` on an archive
    /// of them with the same ids, dates, sources and ``--timestamp``).
    ///
    /// ``ids`` is a sequence as long as ``texts`` (str or int each); ``dates`` and
    /// ``sources`` are None, one value for every text, or a sequence as long as
    /// ``texts``; ``documents``, the list :meth:`extract_batch` returned for the same
    /// texts and dates, saves extracting them again.
    #[pyo3(signature = (texts, ids, *, dates = None, sources = None, timestamp = None, documents = None))]
    #[allow(clippy::too_many_arguments)] // Python keyword arguments
    fn acled_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        ids: &Bound<'py, PyAny>,
        dates: Option<&Bound<'py, PyAny>>,
        sources: Option<&Bound<'py, PyAny>>,
        timestamp: Option<&Bound<'py, PyAny>>,
        documents: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let texts = str_list(texts, "texts")?;
        let strs = borrow_all(&texts)?;
        let n = strs.len();
        let ids = sequence(ids, "ids")?;
        if ids.len() != n {
            return Err(length_error("ids", ids.len(), n));
        }
        let ids = ids
            .iter()
            .enumerate()
            .map(|(i, id)| id_arg(id, &format!("ids[{i}]")))
            .collect::<PyResult<Vec<String>>>()?;
        let dates = dates_arg(py, dates, n)?;
        let sources = sources_arg(sources, n)?;
        let timestamp = timestamp_arg(timestamp)?;
        let docs = match documents {
            Some(d) if !d.is_none() => {
                let given = sequence(d, "documents")?;
                if given.len() != n {
                    return Err(length_error("documents", given.len(), n));
                }
                given
                    .iter()
                    .enumerate()
                    .map(|(i, d)| document_arg(d, &format!("documents[{i}]")))
                    .collect::<PyResult<Vec<Document>>>()?
            }
            _ => {
                let articles: Vec<Article<'_>> = strs
                    .iter()
                    .zip(&dates)
                    .map(|(t, d)| Article::new(t).published(*d))
                    .collect();
                py.detach(|| self.inner.extract_batch(&articles))
            }
        };
        let gazetteer = self.inner.gazetteer();
        let rows: Vec<acled::AcledRow> = py.detach(|| {
            (0..n)
                .flat_map(|i| {
                    let info = DocumentInfo {
                        id: &ids[i],
                        date: dates[i],
                        source: sources[i].as_deref(),
                        timestamp: Some(timestamp),
                    };
                    acled::rows(gazetteer, strs[i], &docs[i], &info)
                })
                .collect()
        });
        rows_to_py(py, &rows)
    }

    /// For benchmarks: what :meth:`extract_batch` does without building the Python
    /// objects; returns the number of entities and events found.
    #[pyo3(signature = (texts, dates = None))]
    fn _extract_batch_only<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        dates: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<usize> {
        let texts = str_list(texts, "texts")?;
        let strs = borrow_all(&texts)?;
        let dates = dates_arg(py, dates, strs.len())?;
        let articles: Vec<Article<'_>> = strs
            .iter()
            .zip(&dates)
            .map(|(t, d)| Article::new(t).published(*d))
            .collect();
        Ok(py.detach(|| {
            self.inner
                .extract_batch(&articles)
                .iter()
                .map(|d| d.entities.len() + d.events.len())
                .sum()
        }))
    }

    /// The gazetteer files added to the built-in ones, as given.
    #[getter]
    fn files(&self) -> Vec<PathBuf> {
        self.files.clone()
    }

    fn __repr__(&self) -> String {
        let gaz = self.inner.gazetteer();
        format!(
            "<syria_extract.Extractor: {} actors, {} locations, {} sources, {} triggers; files={:?}>",
            gaz.actors().len(),
            gaz.locations().len(),
            gaz.sources().len(),
            gaz.triggers().len(),
            self.files
        )
    }

    /// Pickled as its class and files: unpickling rebuilds it (the files must exist
    /// where it is unpickled), so an extractor can be sent to worker processes.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let files = slf.get().files.clone();
        let args = PyTuple::new(py, [files])?;
        PyTuple::new(py, [slf.get_type().into_any(), args.into_any()])
    }
}

/// The blocks of a long text, extracted one at a time as they are read: see
/// :meth:`Extractor.extract_blocks`.
#[pyclass(module = "syria_extract")]
struct Blocks {
    extractor: syria_extract::Extractor,
    text: Py<PyString>,
    date: Option<Date>,
    max_bytes: usize,
    cursor: BlockCursor,
}

#[pymethods]
impl Blocks {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(
        mut slf: PyRefMut<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<Option<Bound<'py, PyDict>>> {
        let text = slf.text.clone_ref(py).into_bound(py);
        let article = Article::new(text.to_str()?).published(slf.date);
        let (max_bytes, mut cursor) = (slf.max_bytes, slf.cursor);
        let extractor = &slf.extractor;
        let block = py.detach(|| extractor.extract_block(article, max_bytes, &mut cursor));
        slf.cursor = cursor;
        let Some(block) = block else {
            return Ok(None);
        };
        let dict = PyDict::new(py);
        dict.set_item("start", block.start)?;
        dict.set_item("end", block.end)?;
        dict.set_item("document", Converter::new(py)?.convert(&block.document)?)?;
        Ok(Some(dict))
    }
}

/// The text as the matcher sees it: harakat, tatweel and control characters dropped;
/// alef, ya, ta marbuta, hamza carriers and digits folded; white space collapsed and
/// Latin letters lowercased. Gazetteer names are normalized by the same function.
#[pyfunction]
fn normalize(text: &Bound<'_, PyAny>) -> PyResult<String> {
    let text = str_arg(text, "text")?;
    Ok(syria_extract::normalize::normalize_str(text.to_str()?))
}

/// A publication date as the extractor reads it: a ``datetime.date`` (or
/// ``datetime.datetime``, whose day is taken) is returned as a ``datetime.date``; a str
/// must be ``YYYY-MM-DD``, optionally followed by a time part after ``T`` or a space
/// (``"2015-07-21 02:51:32"``, ``"2015-08-01T12:00:00Z"``), the forms
/// ``syria-extract --jsonl`` accepts in a date field. Raises ValueError for a str that
/// is no such date and TypeError for anything else.
#[pyfunction]
fn parse_date<'py>(py: Python<'py>, value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    if value.is_none() {
        return Err(PyTypeError::new_err(
            "value: expected a datetime.date or a str, got None",
        ));
    }
    let date = date_arg(py, Some(value), "value")?.expect("not None");
    date_type(py)?.call1((date.year(), date.month(), date.day()))
}

/// `value` as a str object, or a TypeError naming the argument.
fn str_arg<'a, 'py>(
    value: &'a Bound<'py, PyAny>,
    what: &str,
) -> PyResult<&'a Bound<'py, PyString>> {
    value.cast::<PyString>().map_err(|_| {
        PyTypeError::new_err(format!("{what}: expected str, got {}", type_name(value)))
    })
}

fn optional_str(value: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<String>> {
    match value {
        Some(v) if !v.is_none() => Ok(Some(str_arg(v, what)?.to_str()?.to_string())),
        _ => Ok(None),
    }
}

/// An article id: a str, or an int written in decimal (as the CLI prints a numeric id).
fn id_arg(value: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(s.to_str()?.to_string());
    }
    if value.is_instance_of::<pyo3::types::PyInt>()
        && !value.is_instance_of::<pyo3::types::PyBool>()
    {
        return Ok(value.str()?.to_str()?.to_string());
    }
    Err(PyTypeError::new_err(format!(
        "{what}: expected str or int, got {}",
        type_name(value)
    )))
}

fn timestamp_arg(value: Option<&Bound<'_, PyAny>>) -> PyResult<i64> {
    match value {
        Some(v) if !v.is_none() => {
            if v.is_instance_of::<pyo3::types::PyBool>() {
                return Err(PyTypeError::new_err("timestamp: expected int, got bool"));
            }
            v.extract::<i64>().map_err(|_| {
                PyTypeError::new_err(format!(
                    "timestamp: expected int (seconds since 1970), got {}",
                    type_name(v)
                ))
            })
        }
        _ => Ok(std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))),
    }
}

/// The items of a list, tuple or other iterable (not a str or bytes, which would be
/// taken apart letter by letter).
fn sequence<'py>(value: &Bound<'py, PyAny>, what: &str) -> PyResult<Vec<Bound<'py, PyAny>>> {
    if value.is_instance_of::<PyString>() || value.is_instance_of::<pyo3::types::PyBytes>() {
        return Err(PyTypeError::new_err(format!(
            "{what}: expected a list or other iterable, got {} (wrap a single item in a list)",
            type_name(value)
        )));
    }
    let iter = value.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{what}: expected a list or other iterable, got {}",
            type_name(value)
        ))
    })?;
    iter.collect()
}

fn str_list<'py>(value: &Bound<'py, PyAny>, what: &str) -> PyResult<Vec<Bound<'py, PyString>>> {
    sequence(value, what)?
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            item.cast_into::<PyString>().map_err(|e| {
                PyTypeError::new_err(format!(
                    "{what}[{i}]: expected str, got {}",
                    type_name(e.into_inner().as_any())
                ))
            })
        })
        .collect()
}

/// The UTF-8 of every str, lent by Python without a copy; valid while `texts` holds
/// the strings, which is what lets the GIL go while the library reads them.
fn borrow_all<'a>(texts: &'a [Bound<'_, PyString>]) -> PyResult<Vec<&'a str>> {
    texts.iter().map(|t| t.to_str()).collect()
}

fn length_error(what: &str, found: usize, expected: usize) -> PyErr {
    PyValueError::new_err(format!(
        "{what}: expected {expected} items (one per text), got {found}"
    ))
}

/// `datetime.date`, looked up once.
fn date_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    DATE.import(py, "datetime", "date")
}

/// None, a `datetime.date` (or datetime) or a date str.
fn date_arg(
    py: Python<'_>,
    value: Option<&Bound<'_, PyAny>>,
    what: &str,
) -> PyResult<Option<Date>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    if let Ok(s) = value.cast::<PyString>() {
        let s = s.to_str()?;
        return dates::parse_field(s).map(Some).ok_or_else(|| {
            // Say what is wrong with the day itself when it has the right shape.
            let why = match s.trim().get(..10).map(Date::parse) {
                Some(Err(e)) if e.kind() != DateErrorKind::Format => e.to_string(),
                _ => "expected a date as YYYY-MM-DD, optionally followed by a time".to_string(),
            };
            PyValueError::new_err(format!("{what}: {why}; got {s:?}"))
        });
    }
    if value.is_instance(date_type(py)?)? {
        let year: i32 = value.getattr("year")?.extract()?;
        let month: u8 = value.getattr("month")?.extract()?;
        let day: u8 = value.getattr("day")?.extract()?;
        return Date::new(year, month, day)
            .map(Some)
            .map_err(|e| PyValueError::new_err(format!("{what}: {e}")));
    }
    Err(PyTypeError::new_err(format!(
        "{what}: expected a datetime.date or a str, got {}",
        type_name(value)
    )))
}

/// None, one date for all, or one per text.
fn dates_arg(
    py: Python<'_>,
    value: Option<&Bound<'_, PyAny>>,
    n: usize,
) -> PyResult<Vec<Option<Date>>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(vec![None; n]);
    };
    if value.is_instance_of::<PyString>() || value.is_instance(date_type(py)?)? {
        return Ok(vec![date_arg(py, Some(value), "dates")?; n]);
    }
    let items = sequence(value, "dates")?;
    if items.len() != n {
        return Err(length_error("dates", items.len(), n));
    }
    items
        .iter()
        .enumerate()
        .map(|(i, d)| date_arg(py, Some(d), &format!("dates[{i}]")))
        .collect()
}

/// None, one source for all, or one per text.
fn sources_arg(value: Option<&Bound<'_, PyAny>>, n: usize) -> PyResult<Vec<Option<String>>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(vec![None; n]);
    };
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(vec![Some(s.to_str()?.to_string()); n]);
    }
    let items = sequence(value, "sources")?;
    if items.len() != n {
        return Err(length_error("sources", items.len(), n));
    }
    items
        .iter()
        .enumerate()
        .map(|(i, s)| optional_str(Some(s), &format!("sources[{i}]")))
        .collect()
}

/// A dict returned by `extract`, read back.
fn document_arg(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Document> {
    pythonize::depythonize::<Document>(value).map_err(|e| {
        PyValueError::new_err(format!("{what}: not a document returned by extract(): {e}"))
    })
}

/// A list of str or os.PathLike (not one str, which would be read letter by letter).
fn path_list(value: &Bound<'_, PyAny>) -> PyResult<Vec<PathBuf>> {
    sequence(value, "files")?
        .iter()
        .enumerate()
        .map(|(i, f)| {
            f.extract::<PathBuf>().map_err(|_| {
                PyTypeError::new_err(format!(
                    "files[{i}]: expected a str or os.PathLike path, got {}",
                    type_name(f)
                ))
            })
        })
        .collect()
}

fn rows_to_py<'py>(py: Python<'py>, rows: &[acled::AcledRow]) -> PyResult<Bound<'py, PyList>> {
    let mut conv = Converter::new(py)?;
    let items = rows
        .iter()
        .map(|r| conv.convert(r))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

fn gazetteer_error(py: Python<'_>, e: &syria_extract::Error) -> PyErr {
    let err = GazetteerError::new_err(e.to_string());
    let value = err.value(py);
    let attrs = (|| -> PyResult<()> {
        value.setattr("file", e.file())?;
        value.setattr("line", e.line())?;
        value.setattr("reason", e.kind().to_string())?;
        Ok(())
    })();
    attrs.err().unwrap_or(err)
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "?".to_string(), |n| n.to_string())
}

/// The module `syria_extract._native`.
#[pymodule]
#[pyo3(name = "_native")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<Extractor>()?;
    m.add_class::<Blocks>()?;
    m.add("GazetteerError", py.get_type::<GazetteerError>())?;
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    m.add_function(wrap_pyfunction!(parse_date, m)?)?;
    m.add("ACLED_COLUMNS", PyTuple::new(py, acled::COLUMNS)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
