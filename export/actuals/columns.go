package actuals

import (
	"strings"
	"unicode"
)

// Field is a figure a file can carry for a channel or a product.
type Field int

// The figures, in the order of the plan file's actuals.
const (
	Spend Field = iota
	Impressions
	Clicks
	Conversions
	LiftUnits
	Units
	Revenue // the product's net revenue (netRevenue in the plan file)
	numFields
)

var fieldNames = [numFields]string{"spend", "impressions", "clicks", "conversions", "liftUnits", "units", "netRevenue"}

// String is the field's name in the plan file ("spend", "netRevenue").
func (f Field) String() string {
	if f < 0 || f >= numFields {
		return "?"
	}
	return fieldNames[f]
}

// ForProducts reports whether the field is a product's figure (units,
// revenue) rather than a channel's.
func (f Field) ForProducts() bool { return f == Units || f == Revenue }

// Kind says what the names of a file are: channels or products.
type Kind int

// The kinds of names.
const (
	Channels Kind = iota
	Products
)

func (k Kind) String() string {
	if k == Products {
		return "product"
	}
	return "channel"
}

// column roles besides the figures.
type role int

const (
	roleNone role = iota
	roleDay
	roleMonth
	roleChannelName
	roleProductName
	roleAnyName
	roleFigure
)

// heading is what a column name means: a role, the figure for roleFigure,
// and a rank (lower wins when two columns mean the same).
type heading struct {
	role  role
	field Field
	rank  int
}

// headings maps normalised column names (normalize) to their meaning.
// English and French names of Google Ads, Meta, Microsoft Ads, LinkedIn
// exports and of ledgers; a currency in brackets is dropped before lookup.
var headings = map[string]heading{}

func init() {
	add := func(r role, f Field, rank int, names ...string) {
		for _, n := range names {
			headings[normalize(n)] = heading{r, f, rank}
		}
	}
	add(roleDay, 0, 0, "day", "date", "jour", "date du jour", "reporting starts", "début des rapports", "debut des rapports", "start date", "date de début", "période", "period", "week day")
	add(roleMonth, 0, 0, "month", "mois", "month of year", "mois de l'année", "periode mensuelle")
	add(roleChannelName, 0, 0, "campaign", "campaign name", "campagne", "nom de la campagne", "channel", "canal", "media", "média", "support", "levier", "source", "ad set name")
	add(roleProductName, 0, 0, "product", "produit", "product name", "nom du produit", "article", "sku", "référence", "reference", "item", "gamme")
	add(roleAnyName, 0, 0, "name", "nom", "id", "libellé", "libelle", "label")
	add(roleFigure, Spend, 0, "spend", "cost", "coût", "cout", "amount spent", "montant dépensé", "dépenses", "depense", "dépense", "budget dépensé", "spent", "media spend", "coût total", "total cost")
	add(roleFigure, Impressions, 0, "impressions", "impr", "impr.", "impressions totales")
	add(roleFigure, Clicks, 0, "clicks", "clics", "link clicks", "clics sur un lien", "clics sur le lien")
	add(roleFigure, Clicks, 1, "clicks (all)", "clics (tous)", "all clicks")
	add(roleFigure, Conversions, 0, "conversions", "conv.", "conv", "purchases", "achats", "leads", "prospects")
	add(roleFigure, Conversions, 1, "results", "résultats", "resultats")
	add(roleFigure, LiftUnits, 0, "lift units", "liftunits", "incremental units", "unités incrémentales", "unites incrementales", "extra units")
	add(roleFigure, Units, 0, "units", "unités", "unites", "units sold", "unités vendues", "quantity", "quantité", "quantite", "qty", "qté", "qte", "volume", "volumes")
	add(roleFigure, Revenue, 0, "revenue", "net revenue", "ca", "ca net", "ca ht", "chiffre d'affaires", "chiffre d'affaires net", "chiffre d'affaires ht", "net sales", "sales", "ventes", "ventes nettes", "revenus", "revenu")
}

// lookupHeading reads a column name: "Montant dépensé (EUR)" and "Cost
// (USD)" mean spend whatever the currency.
func lookupHeading(name string) (heading, bool) {
	n := name
	if i := strings.LastIndexByte(n, '('); i > 0 && strings.HasSuffix(strings.TrimSpace(n), ")") {
		inner := strings.TrimSpace(n[i+1 : len(strings.TrimSpace(n))-1])
		if isCurrencyWord(inner) {
			n = n[:i]
		}
	}
	h, ok := headings[normalize(n)]
	return h, ok
}

// isCurrencyWord reports whether s is a currency code or sign (EUR, $, €).
func isCurrencyWord(s string) bool {
	if len(s) == 3 && strings.ToUpper(s) == s && strings.IndexFunc(s, func(r rune) bool { return r < 'A' || r > 'Z' }) < 0 {
		return true
	}
	switch s {
	case "€", "$", "£", "¥":
		return true
	}
	return false
}

// frenchHeading reports whether a column name is French only (a hint for
// the number and date conventions of a file whose values prove neither).
func frenchHeading(name string) bool {
	switch normalize(name) {
	case "jour", "mois", "campagne", "nomdelacampagne", "canal", "produit", "cout", "depenses", "montantdepense",
		"clics", "clicssurunlien", "unites", "quantite", "ca", "chiffredaffaires", "ventes", "debutdesrapports", "resultats":
		return true
	}
	return false
}

// foldRune maps an accented Latin letter to its base letters ("é" → "e",
// "œ" → "oe"), so that names compare as people read them.
func foldRune(r rune) string {
	switch r {
	case 'à', 'â', 'ä', 'á', 'ã', 'å':
		return "a"
	case 'ç':
		return "c"
	case 'é', 'è', 'ê', 'ë':
		return "e"
	case 'î', 'ï', 'í', 'ì':
		return "i"
	case 'ô', 'ö', 'ó', 'ò', 'õ', 'ø':
		return "o"
	case 'ù', 'û', 'ü', 'ú':
		return "u"
	case 'ÿ', 'ý':
		return "y"
	case 'ñ':
		return "n"
	case 'œ':
		return "oe"
	case 'æ':
		return "ae"
	case 'ß':
		return "ss"
	}
	return string(r)
}

// normalize is a name as people read it: lower case, accents folded, only
// letters and digits ("Réseaux sociaux – FR" → "reseauxsociauxfr").
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = unicode.ToLower(r)
		switch {
		case r < 128 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
			b.WriteRune(r)
		case r >= 128 && unicode.IsLetter(r):
			b.WriteString(foldRune(r))
		case r >= 128 && unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}
