package ui

import "strings"

// isoCurrencies are the ISO 4217 codes of currencies in use (and a few
// recently replaced, which older plans may hold: HRK, SLL, ZWL), without the
// codes for metals, funds, testing and "no currency". The plan format only
// asks for three capitals; the window also refuses a typo such as "EUE".
const isoCurrencies = "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN " +
	"BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL " +
	"GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW " +
	"KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO " +
	"NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS " +
	"SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED VES VND VUV WST XAF " +
	"XCD XCG XDR XOF XPF YER ZAR ZMW ZWG ZWL"

// isoCurrency reports whether code is one of isoCurrencies.
func isoCurrency(code string) bool {
	return len(code) == 3 && strings.Contains(" "+isoCurrencies+" ", " "+code+" ")
}
