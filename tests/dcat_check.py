#!/usr/bin/env python3
"""Reads a DCAT-AP.de file (JSON-LD) with rdflib, an independent RDF parser, and checks what
GovData requires of it: one dcat:Catalog with its dcat:Dataset, the dataset's mandatory and
recommended properties, and every distribution with an access URL, a licence from the DCAT-AP.de
licence vocabulary, a format and a typed modification date.

Usage: dcat_check.py FILE.jsonld   Prints the triples read and every problem; exits 1 on any.
Needs python3-rdflib (Debian's package, installed by scripts/test.sh)."""
import sys

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, XSD

DCAT = Namespace("http://www.w3.org/ns/dcat#")
LICENCES = "http://dcat-ap.de/def/licenses/"
FILE_TYPES = "http://publications.europa.eu/resource/authority/file-type/"

graph = Graph()
graph.parse(sys.argv[1], format="json-ld")
problems = []


def need(subject, predicate, what, check=None):
    values = list(graph.objects(subject, predicate))
    if not values:
        problems.append(f"{subject}: no {what}")
    for value in values:
        if check and not check(value):
            problems.append(f"{subject}: {what} {value!r} is not valid")
    return values


def licence(value):
    return isinstance(value, URIRef) and str(value).startswith(LICENCES)


def date(value):
    return isinstance(value, Literal) and value.datatype == XSD.date


catalogs = list(graph.subjects(RDF.type, DCAT.Catalog))
datasets = list(graph.subjects(RDF.type, DCAT.Dataset))
if len(catalogs) != 1 or len(datasets) != 1:
    problems.append(f"{len(catalogs)} catalogues and {len(datasets)} datasets, expected one each")
for catalog in catalogs:
    need(catalog, DCTERMS.title, "dct:title")
    need(catalog, DCTERMS.description, "dct:description")
    need(catalog, DCTERMS.publisher, "dct:publisher")
    need(catalog, DCAT.dataset, "dcat:dataset", lambda d: d in datasets)
distributions = []
for dataset in datasets:
    need(dataset, DCTERMS.title, "dct:title", lambda t: isinstance(t, Literal) and t.language)
    need(dataset, DCTERMS.description, "dct:description")
    for publisher in need(dataset, DCTERMS.publisher, "dct:publisher"):
        need(publisher, FOAF.name, "foaf:name")
    need(dataset, DCAT.contactPoint, "dcat:contactPoint")
    need(dataset, DCAT.keyword, "dcat:keyword")
    need(dataset, DCAT.theme, "dcat:theme")
    need(dataset, DCTERMS.license, "dct:license", licence)
    need(dataset, DCTERMS.modified, "dct:modified", date)
    distributions = need(dataset, DCAT.distribution, "dcat:distribution")
for distribution in distributions:
    if (distribution, RDF.type, DCAT.Distribution) not in graph:
        problems.append(f"{distribution}: not a dcat:Distribution")
    need(distribution, DCAT.accessURL, "dcat:accessURL", lambda u: isinstance(u, URIRef))
    need(distribution, DCTERMS.license, "dct:license", licence)
    need(distribution, DCTERMS.format, "dct:format", lambda f: str(f).startswith(FILE_TYPES))
    need(distribution, DCTERMS.modified, "dct:modified", date)

for problem in problems:
    print(problem)
print(f"{len(graph)} triples, {len(distributions)} distributions, {len(problems)} problems")
sys.exit(1 if problems else 0)
